export const INDEXED_UPDATE = `
-- the update log id the activity index last read each workplan's document at (0: an empty log);
-- NULL means never: start-up re-reads only workplans whose log moved past it
ALTER TABLE workplans ADD COLUMN indexed_update_id INTEGER;
`;
