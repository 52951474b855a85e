// The server's messages in English: the reference every other language is checked against.
// Values are ICU messages (https://unicode-org.github.io/icu/userguide/format_parse/messages/).
export const EN = {
  "stage.draft": "draft",
  "stage.consultation": "consultation",
  "stage.validation": "validation",
  "stage.adopted": "adopted",

  "request.invalid": "{details}",
  "request.notJson": "Send the request body as JSON (Content-Type: application/json)",
  "request.badJson": "The request body is not valid JSON",
  "request.tooLarge": "The request body is larger than 1 MiB",
  "request.noRoute": "No such API route; see /api/openapi.json",
  "request.internal": "Something went wrong on our side (request {requestId})",
  "storage.busy": "The database is busy, so nothing was saved; try again in a moment",
  "storage.full":
    "The server's disk is full, so nothing was saved; tell your administrator and try again later",
  "storage.notSaved":
    "The workplan could not be saved just now, so nothing was saved; try again in a moment",
  "storage.notRead":
    "The workplan's document could not be read just now, so nothing was saved; try again in a moment",
  "storage.notRestored":
    "The workplan could not be saved just now, so nothing was restored; try again in a moment",
  "storage.revisionNotSaved":
    "The revision's document could not be saved just now, so nothing was created; try again in a moment",
  "exports.busy": "The server is busy with other exports; try again in a minute",

  "locale.unknown":
    'Junction does not speak "{locale}"; choose one of: {locales} (or null for the browser\'s language)',

  "auth.invalidCredentials": "The email or password is not correct",
  "auth.signInFirst": "Sign in first, or send an API token",
  "auth.signInOrTokenParameter": "Sign in first, or pass ?token= with an API token",
  "auth.invalidToken": "The API token is not valid, or it was revoked",
  "auth.foreignOrigin":
    "This request must come from Junction's own pages (Origin header missing or foreign)",
  "auth.tooManyAttempts":
    "{minutes, plural, one {Too many failed attempts; try again in # minute} other {Too many failed attempts; try again in # minutes}}",
  "auth.sessionNotFound": "Session not found",

  "password.tooShort":
    "Use at least {min} characters; a few unrelated words make a strong password that is easy to remember",
  "password.tooLong": "Use at most {max} characters",
  "password.common": "This password is among the most commonly used ones; choose another",
  "password.personal":
    "Do not build the password from your email address or the name of this service",
  "password.wrongCurrent": "Your current password is not correct; nothing was changed",
  "password.notWithToken":
    "Change your password from a signed-in browser session; an API token cannot change it",

  "reset.invalid":
    "This password-reset link is not valid. Check that you copied all of it, or ask for a new one",
  "reset.expired":
    "{minutes, plural, one {This password-reset link has expired (links work for # minute). Ask for a new one} other {This password-reset link has expired (links work for # minutes). Ask for a new one}}",
  "reset.used": "This password-reset link was already used. Ask for a new one if you need it again",
  "reset.replaced":
    "This password-reset link was replaced by a newer one, or the password was changed since. Use the newest link, or ask for a new one",
  "reset.tooMany":
    "{minutes, plural, one {Too many password-reset requests; try again in # minute} other {Too many password-reset requests; try again in # minutes}}",
  "reset.sent":
    "{minutes, plural, one {If an account uses {email}, we have sent it a link to choose a new password. The link works once, for # minute.} other {If an account uses {email}, we have sent it a link to choose a new password. The link works once, for # minutes.}}",
  "reset.noMail":
    "This server does not send e-mail. Ask an instance administrator for a password-reset link; it works once, for a limited time.",
  "reset.userNotFound": "User {userId} not found",
  "reset.mailSubject": "Choose a new Junction password",
  "reset.mailText":
    "{minutes, plural, one {Someone (hopefully you) asked to reset the password of the Junction account for {email}.\n\nChoose a new password: {link}\n\nThe link works once, for # minute. Choosing a new password signs you out everywhere. If you did not ask for this, ignore this message: your password stays as it is.} other {Someone (hopefully you) asked to reset the password of the Junction account for {email}.\n\nChoose a new password: {link}\n\nThe link works once, for # minutes. Choosing a new password signs you out everywhere. If you did not ask for this, ignore this message: your password stays as it is.}}",

  "invitation.invalid":
    "This invitation link is not valid: it may have been used, revoked or expired. Ask your coordinator for a new one",
  "invitation.wrongPassword":
    "That password does not open a Junction account for this address. If you have an account, enter its password; if not, create one",
  "invitation.otherAddress":
    "This invitation is for {email}; sign out first, then open the link again",
  "invitation.organisationOutside": "Organisation {organisationId} is not part of this network",
  "invitation.alreadyMember":
    "{email} is already a member of this network; change their role instead",
  "invitation.notFound": "Invitation {invitationId} not found",
  "invitation.closed": "This invitation was already accepted or revoked",
  "invitation.mailSubject": "{inviter} invites you to {network} on Junction",
  "invitation.mailText":
    "{inviter} invites you to join {network} as {role, select, coordinator {coordinator} editor {editor} commenter {commenter} other {viewer}} for {organisation}.\n\nAccept the invitation: {link}\n\nThe link works once and expires on {expires, date, long}.",

  "access.networkNotFound": "Network {networkId} not found, or you are not a member",
  "access.roleCannot":
    "As {role, select, coordinator {a coordinator} editor {an editor} commenter {a commenter} other {a viewer}} in this network you cannot do this ({permission})",
  "access.workplanNotFound":
    "Workplan {workplanId} not found, or you are not a member of its network",
  "access.adminOnly": "Only an instance administrator can do this",
  "access.frozen":
    "{state, select, archived {This workplan is archived and read-only: {refused}. A coordinator can restore it to change it again.} other {This workplan is adopted and read-only: {refused}. A coordinator can start a revision from it.}}",
  "access.frozen.text": "its text and activities cannot be changed",
  "access.frozen.restore": "no version can be restored onto it",
  "access.frozen.version": "no version of it can be saved",
  "access.frozen.comments": "its comments can be read but not added to or changed",
  "access.frozen.deadline": "its consultation deadline cannot be changed",
  "network.notFound": "Network {networkId} not found",
  "workplan.notFound": "Workplan {workplanId} not found",

  "lifecycle.consultationOver":
    "The consultation is over: this workplan is in {stage}. Move it back to consultation (with a reason) to invite comments again",
  "stages.deadlinePassed":
    "The consultation deadline {deadline} has passed; choose today or a later day",
  "stages.archived":
    "This workplan is archived and read-only: a coordinator restores it before moving its stage",
  "stages.deadlineNeedsConsultation":
    "A deadline goes with a move to consultation; set it later with PUT .../consultation",
  "validation.objections":
    "{count, plural, one {{names} objects to this workplan, so it cannot be adopted yet: adopt it once the objection is withdrawn, or overrule it with a reason} other {{names} object to this workplan, so it cannot be adopted yet: adopt it once the objections are withdrawn, or overrule them with a reason}}",
  "validation.archived": "This workplan is archived and read-only: restore it first",
  "validation.wrongStage":
    "Only a workplan in validation takes approvals, objections and overrules; this one is in {stage}",
  "validation.notRunning": "This workplan has no validation running; move it to validation",
  "validation.leadsNothing":
    "Your organisation ({organisation}) leads no activity in this workplan, so it is not asked to validate it",
  "validation.organisationOutside":
    "Organisation {organisationId} is not an organisation of this network",
  "validation.noObjection": "{organisation} has no standing objection to this workplan to overrule",
  "revision.notAdopted":
    "Only an adopted workplan is revised; this one is in {stage} and can be edited as it is",
  "revision.archived": "This workplan is archived: a coordinator restores it first",
  "revision.alreadyOpen":
    'A revision of this workplan is already open: "{title}" ({id}); adopt or archive it before opening another',

  "comment.threadNotFound": "Thread {threadId} not found",
  "comment.threadNotFoundForYou":
    "Thread {threadId} not found, or you are not a member of its network",
  "comment.messageNotFound":
    "Message {commentId} not found, or you are not a member of its network",
  "comment.deleted": "This message was deleted; write a new one instead",
  "comment.onlyOwnEdit": "You can only edit your own messages",
  "comment.onlyOwnDelete":
    "You can only delete your own messages; coordinators may remove other people's",
  "task.notFound": "Task {taskId} not found",
  "task.notFoundForYou": "Task {taskId} not found, or you are not a member of its network",
  "task.assigneeOutside": "Assignee {userId} is not a member of this network",
  "task.viewerAssignee":
    "Viewers cannot take tasks: assign a commenter, an editor or a coordinator",
  "task.threadOutside": "Thread {threadId} is not part of this network",
  "task.warningOutside": "Warning {warningId} is not an active warning of this network",
  "task.needsTitle": "title: a task needs a title",
  "warning.notFound": "Warning {warningId} not found",
  "warning.notRaised": "Warning {warningId} not found, or no longer raised",
  "warning.organisationOutside":
    "organisation {organisation} is not an organisation of this network: use an id from its organisations",
  "member.notFound": "Member {userId} not found in this network",
  "member.lastCoordinator":
    "A network needs at least one coordinator: make someone else coordinator first",
  "member.organisationOutside": "Organisation {organisationId} is not part of this network",
  "organisation.duplicate": "The network already has an organisation named {name}",
  "owners.activityNotFound": "Activity {activityId} not found in workplan {workplanId}",
  "owners.strangers": "Owners must be members of the network; not members: {names}",
  "owners.statusForbidden":
    "Only the activity's owners, editors of its lead organisation and coordinators can change its status",
  "exports.noIatiActivity":
    "There is no activity to publish to IATI: an IATI file needs at least one",
  "exports.noIatiSettings":
    "This network has no IATI settings yet: a coordinator sets its IATI identifier prefix on the network's IATI settings page first",

  "notification.mention": "{actor} mentioned you in a comment on {workplan}",
  "notification.reply": "{actor} replied in a thread you took part in on {workplan}",
  "notification.commentRemoved": "{actor} removed a message of yours from a thread in {workplan}",
  "notification.owner": '{actor} made you an owner of "{activity}" in {workplan}',
  "notification.consultation": '{actor} invites you to comment on "{workplan}"',
  "notification.consultationUntil":
    '{actor} invites you to comment on "{workplan}" until {deadline, date, long}',
  "notification.taskAssigned": "{actor} assigned you a task: {task}",
  "notification.taskAssignedDue": "{actor} assigned you a task: {task} (due {due})",
  "notification.duplicate": '"{activity}" may duplicate "{other}" ({workplan})',
  "notification.objection": '{organisation} objects to "{workplan}": {comment}',
  "notification.overruled":
    '{actor} overruled {organisation}\'s objection to "{workplan}": {reason}',
  "notification.validationRequested":
    '"{workplan}" is in validation: {organisation} is asked to approve it or object',
  "notification.mailSubject": "Junction: {message}",
  "notification.mailText": "{message}\n\nOpen Junction: {link}",
  "access.frozen.rename": "it cannot be renamed",
  "notification.taskStatus":
    '{actor} marked "{task}" {status, select, open {open} inProgress {in progress} done {done} other {cancelled}}',
  "notification.taskUpdated": '{actor} updated the task "{task}"',
  "suggestion.frozen": "no suggestion can be made or decided on it",
  "suggestion.superseded":
    "A newer revision of this workplan carries it on: make and decide suggestions there",
  "suggestion.notFound":
    "Suggestion {suggestionId} not found, or you are not a member of its network",
  "suggestion.badAnchor": "anchor: both ends must be base64 of Y.encodeRelativePosition",
  "suggestion.textChanged":
    "The text you selected has changed or is no longer in the workplan: select it again",
  "suggestion.sameText": "text: a wording different from the quoted text",
  "suggestion.activityMissing": "Activity {activityId} is not in this workplan",
  "suggestion.sameValue": "value: the {field} already has this value",
  "suggestion.notOpen":
    "This suggestion was already {status, select, accepted {accepted} rejected {rejected} other {withdrawn}}; only open suggestions can be decided or withdrawn",
  "suggestion.decideForbidden":
    "Only coordinators, editors of the activity's lead organisation (or, in the narrative, editors) can accept or reject this suggestion",
  "suggestion.notSaved":
    "The workplan could not be saved just now, so the suggestion was not applied; try again in a moment",
  "suggestion.outdated":
    "The text or value under this suggestion has changed since it was made, so nothing was applied; reject it, or ask for a new suggestion",
  "suggestion.decidedMeanwhile": "This suggestion was decided meanwhile",
  "suggestion.onlyAuthorWithdraws": "Only its author can withdraw a suggestion",
  "notification.suggestionMention": "{actor} mentioned you in a suggestion on {workplan}",
  "notification.suggestion": "{actor} suggested a change to {workplan}",
  "notification.suggestionDecided":
    "{actor} {decision, select, accepted {accepted} other {rejected}} your suggestion on {workplan}",
} as const;

export type MessageKey = keyof typeof EN;

/** A language's messages: every key of the English catalogue, nothing else. */
export type Catalogue = Readonly<Record<MessageKey, string>>;
