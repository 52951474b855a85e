export const WARNING_LEADS = `
-- a page of warnings is read from indexes in its order (open first, then the strongest), one
-- status and one side at a time, and stops after a page: a workplan's warnings (on side a, or on
-- side b), an organisation's (My work, ?organisation=: leading side a, or side b). For the
-- latter each warning keeps the lead of both its activities as the activity index has it (NULL
-- while an activity is not in it), and triggers keep that copy in step with every write to
-- either table
ALTER TABLE warnings ADD COLUMN lead_a TEXT;
ALTER TABLE warnings ADD COLUMN lead_b TEXT;
UPDATE warnings SET
  lead_a = (SELECT lead FROM activities WHERE workplan_id = warnings.workplan_a AND activity_id = warnings.activity_a),
  lead_b = (SELECT lead FROM activities WHERE workplan_id = warnings.workplan_b AND activity_id = warnings.activity_b);
-- side b's indexes end with side a's value: "on side b, and not on a" is read from them alone
CREATE INDEX warnings_workplan_a ON warnings(workplan_a, status, score DESC, id);
CREATE INDEX warnings_workplan_b ON warnings(workplan_b, status, score DESC, id, workplan_a);
CREATE INDEX warnings_lead_a ON warnings(network_id, lead_a, status, score DESC, id);
CREATE INDEX warnings_lead_b ON warnings(network_id, lead_b, status, score DESC, id, lead_a);

CREATE TRIGGER warnings_leads_insert AFTER INSERT ON warnings BEGIN
  UPDATE warnings SET
    lead_a = (SELECT lead FROM activities WHERE workplan_id = NEW.workplan_a AND activity_id = NEW.activity_a),
    lead_b = (SELECT lead FROM activities WHERE workplan_id = NEW.workplan_b AND activity_id = NEW.activity_b)
  WHERE id = NEW.id;
END;
CREATE TRIGGER warnings_leads_update AFTER UPDATE OF workplan_a, activity_a, workplan_b, activity_b ON warnings BEGIN
  UPDATE warnings SET
    lead_a = (SELECT lead FROM activities WHERE workplan_id = NEW.workplan_a AND activity_id = NEW.activity_a),
    lead_b = (SELECT lead FROM activities WHERE workplan_id = NEW.workplan_b AND activity_id = NEW.activity_b)
  WHERE id = NEW.id;
END;
CREATE TRIGGER activities_lead_insert AFTER INSERT ON activities BEGIN
  UPDATE warnings SET lead_a = NEW.lead WHERE workplan_a = NEW.workplan_id AND activity_a = NEW.activity_id;
  UPDATE warnings SET lead_b = NEW.lead WHERE workplan_b = NEW.workplan_id AND activity_b = NEW.activity_id;
END;
CREATE TRIGGER activities_lead_update AFTER UPDATE ON activities
  WHEN OLD.lead IS NOT NEW.lead OR OLD.workplan_id IS NOT NEW.workplan_id OR OLD.activity_id IS NOT NEW.activity_id
BEGIN
  UPDATE warnings SET lead_a = NULL WHERE workplan_a = OLD.workplan_id AND activity_a = OLD.activity_id;
  UPDATE warnings SET lead_b = NULL WHERE workplan_b = OLD.workplan_id AND activity_b = OLD.activity_id;
  UPDATE warnings SET lead_a = NEW.lead WHERE workplan_a = NEW.workplan_id AND activity_a = NEW.activity_id;
  UPDATE warnings SET lead_b = NEW.lead WHERE workplan_b = NEW.workplan_id AND activity_b = NEW.activity_id;
END;
CREATE TRIGGER activities_lead_delete AFTER DELETE ON activities BEGIN
  UPDATE warnings SET lead_a = NULL WHERE workplan_a = OLD.workplan_id AND activity_a = OLD.activity_id;
  UPDATE warnings SET lead_b = NULL WHERE workplan_b = OLD.workplan_id AND activity_b = OLD.activity_id;
END;
`;
