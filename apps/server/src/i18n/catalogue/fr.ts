import type { Catalogue } from "./en";

export const FR = {
  "stage.draft": "brouillon",
  "stage.consultation": "consultation",
  "stage.validation": "validation",
  "stage.adopted": "adopté",

  "request.invalid": "La requête n’est pas valide : {details}",
  "request.notJson": "Envoyez le corps de la requête en JSON (Content-Type: application/json)",
  "request.badJson": "Le corps de la requête n’est pas du JSON valide",
  "request.tooLarge": "Le corps de la requête dépasse 1 Mio",
  "request.noRoute": "Cette route de l’API n’existe pas ; voir /api/openapi.json",
  "request.internal": "Une erreur s’est produite de notre côté (requête {requestId})",
  "storage.busy":
    "La base de données est occupée, rien n’a donc été enregistré ; réessayez dans un instant",
  "storage.full":
    "Le disque du serveur est plein, rien n’a donc été enregistré ; prévenez votre administrateur et réessayez plus tard",
  "storage.notSaved":
    "Le plan de travail n’a pas pu être enregistré pour le moment, rien n’a donc été enregistré ; réessayez dans un instant",
  "storage.notRead":
    "Le document du plan de travail n’a pas pu être lu pour le moment, rien n’a donc été enregistré ; réessayez dans un instant",
  "storage.notRestored":
    "Le plan de travail n’a pas pu être enregistré pour le moment, rien n’a donc été restauré ; réessayez dans un instant",
  "storage.revisionNotSaved":
    "Le document de la révision n’a pas pu être enregistré pour le moment, rien n’a donc été créé ; réessayez dans un instant",
  "exports.busy": "Le serveur est occupé par d’autres exports ; réessayez dans une minute",

  "locale.unknown":
    "Junction ne parle pas « {locale} » ; choisissez parmi : {locales} (ou null pour la langue du navigateur)",

  "auth.invalidCredentials": "L’adresse e-mail ou le mot de passe est incorrect",
  "auth.signInFirst": "Connectez-vous d’abord, ou envoyez un jeton d’API",
  "auth.signInOrTokenParameter": "Connectez-vous d’abord, ou passez ?token= avec un jeton d’API",
  "auth.invalidToken": "Le jeton d’API n’est pas valide, ou il a été révoqué",
  "auth.foreignOrigin":
    "Cette requête doit venir des pages de Junction (en-tête Origin absent ou étranger)",
  "auth.tooManyAttempts":
    "{minutes, plural, one {Trop de tentatives échouées ; réessayez dans # minute} other {Trop de tentatives échouées ; réessayez dans # minutes}}",
  "auth.sessionNotFound": "Session introuvable",

  "password.tooShort":
    "Utilisez au moins {min} caractères ; quelques mots sans rapport entre eux font un mot de passe solide et facile à retenir",
  "password.tooLong": "Utilisez au plus {max} caractères",
  "password.common": "Ce mot de passe fait partie des plus utilisés ; choisissez-en un autre",
  "password.personal":
    "Ne construisez pas le mot de passe à partir de votre adresse e-mail ou du nom de ce service",
  "password.wrongCurrent": "Votre mot de passe actuel est incorrect ; rien n’a été modifié",
  "password.notWithToken":
    "Changez votre mot de passe depuis une session connectée dans le navigateur ; un jeton d’API ne peut pas le changer",

  "reset.invalid":
    "Ce lien de réinitialisation du mot de passe n’est pas valide. Vérifiez que vous l’avez copié en entier, ou demandez-en un nouveau",
  "reset.expired":
    "{minutes, plural, one {Ce lien de réinitialisation du mot de passe a expiré (les liens sont valables # minute). Demandez-en un nouveau} other {Ce lien de réinitialisation du mot de passe a expiré (les liens sont valables # minutes). Demandez-en un nouveau}}",
  "reset.used":
    "Ce lien de réinitialisation du mot de passe a déjà été utilisé. Demandez-en un nouveau si besoin",
  "reset.replaced":
    "Ce lien de réinitialisation du mot de passe a été remplacé par un plus récent, ou le mot de passe a été changé depuis. Utilisez le lien le plus récent, ou demandez-en un nouveau",
  "reset.tooMany":
    "{minutes, plural, one {Trop de demandes de réinitialisation du mot de passe ; réessayez dans # minute} other {Trop de demandes de réinitialisation du mot de passe ; réessayez dans # minutes}}",
  "reset.sent":
    "{minutes, plural, one {Si un compte utilise {email}, nous lui avons envoyé un lien pour choisir un nouveau mot de passe. Le lien fonctionne une fois, pendant # minute.} other {Si un compte utilise {email}, nous lui avons envoyé un lien pour choisir un nouveau mot de passe. Le lien fonctionne une fois, pendant # minutes.}}",
  "reset.noMail":
    "Ce serveur n’envoie pas d’e-mails. Demandez un lien de réinitialisation du mot de passe à un administrateur de l’instance ; il fonctionne une fois, pendant une durée limitée.",
  "reset.userNotFound": "Utilisateur {userId} introuvable",
  "reset.mailSubject": "Choisissez un nouveau mot de passe Junction",
  "reset.mailText":
    "{minutes, plural, one {Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe du compte Junction de {email}.\n\nChoisissez un nouveau mot de passe : {link}\n\nLe lien fonctionne une fois, pendant # minute. Choisir un nouveau mot de passe vous déconnecte partout. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.} other {Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe du compte Junction de {email}.\n\nChoisissez un nouveau mot de passe : {link}\n\nLe lien fonctionne une fois, pendant # minutes. Choisir un nouveau mot de passe vous déconnecte partout. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.}}",

  "invitation.invalid":
    "Ce lien d’invitation n’est pas valide : il a peut-être été utilisé, révoqué ou il a expiré. Demandez-en un nouveau à votre coordinateur ou coordinatrice",
  "invitation.wrongPassword":
    "Ce mot de passe n’ouvre aucun compte Junction pour cette adresse. Si vous avez un compte, saisissez son mot de passe ; sinon, créez-en un",
  "invitation.otherAddress":
    "Cette invitation est destinée à {email} ; déconnectez-vous d’abord, puis ouvrez de nouveau le lien",
  "invitation.organisationOutside":
    "L’organisation {organisationId} ne fait pas partie de ce réseau",
  "invitation.alreadyMember": "{email} est déjà membre de ce réseau ; modifiez plutôt son rôle",
  "invitation.notFound": "Invitation {invitationId} introuvable",
  "invitation.closed": "Cette invitation a déjà été acceptée ou révoquée",
  "invitation.mailSubject": "{inviter} vous invite à rejoindre {network} sur Junction",
  "invitation.mailText":
    "{inviter} vous invite à rejoindre {network} avec le rôle {role, select, coordinator {de coordination} editor {de rédaction} commenter {de commentaire} other {de lecture}} pour {organisation}.\n\nAccepter l’invitation : {link}\n\nLe lien fonctionne une fois et expire le {expires, date, long}.",

  "access.networkNotFound": "Réseau {networkId} introuvable, ou vous n’en êtes pas membre",
  "access.roleCannot":
    "Avec le rôle {role, select, coordinator {de coordination} editor {de rédaction} commenter {de commentaire} other {de lecture}} dans ce réseau, vous ne pouvez pas faire ceci ({permission})",
  "access.workplanNotFound":
    "Plan de travail {workplanId} introuvable, ou vous n’êtes pas membre de son réseau",
  "access.adminOnly": "Seul un administrateur de l’instance peut faire ceci",
  "access.frozen":
    "{state, select, archived {Ce plan de travail est archivé et en lecture seule : {refused}. Un coordinateur ou une coordinatrice peut le restaurer pour le modifier de nouveau.} other {Ce plan de travail est adopté et en lecture seule : {refused}. Un coordinateur ou une coordinatrice peut en ouvrir une révision.}}",
  "access.frozen.text": "son texte et ses activités ne peuvent pas être modifiés",
  "access.frozen.restore": "aucune version ne peut y être restaurée",
  "access.frozen.version": "aucune version ne peut en être enregistrée",
  "access.frozen.comments": "ses commentaires peuvent être lus, mais pas complétés ni modifiés",
  "access.frozen.deadline": "la date limite de sa consultation ne peut pas être modifiée",
  "network.notFound": "Réseau {networkId} introuvable",
  "workplan.notFound": "Plan de travail {workplanId} introuvable",

  "lifecycle.consultationOver":
    "La consultation est terminée : ce plan de travail est au stade « {stage} ». Ramenez-le en consultation (en donnant une raison) pour recueillir de nouveau des commentaires",
  "stages.deadlinePassed":
    "La date limite de consultation {deadline} est passée ; choisissez aujourd’hui ou un jour ultérieur",
  "stages.archived":
    "Ce plan de travail est archivé et en lecture seule : un coordinateur ou une coordinatrice doit le restaurer avant de changer son stade",
  "stages.deadlineNeedsConsultation":
    "Une date limite accompagne le passage en consultation ; fixez-la plus tard avec PUT .../consultation",
  "validation.objections":
    "{count, plural, one {{names} s’oppose à ce plan de travail, il ne peut donc pas encore être adopté : adoptez-le une fois l’objection retirée, ou passez outre en donnant une raison} other {{names} s’opposent à ce plan de travail, il ne peut donc pas encore être adopté : adoptez-le une fois les objections retirées, ou passez outre en donnant une raison}}",
  "validation.archived":
    "Ce plan de travail est archivé et en lecture seule : restaurez-le d’abord",
  "validation.wrongStage":
    "Seul un plan de travail en validation reçoit des approbations, des objections et des décisions de passer outre ; celui-ci est au stade « {stage} »",
  "validation.notRunning":
    "Aucune validation n’est en cours pour ce plan de travail ; passez-le en validation",
  "validation.leadsNothing":
    "Votre organisation ({organisation}) ne dirige aucune activité de ce plan de travail ; elle n’est donc pas appelée à le valider",
  "validation.organisationOutside":
    "L’organisation {organisationId} n’est pas une organisation de ce réseau",
  "validation.noObjection":
    "{organisation} n’a pas d’objection en cours sur ce plan de travail à laquelle passer outre",
  "revision.notAdopted":
    "Seul un plan de travail adopté fait l’objet d’une révision ; celui-ci est au stade « {stage} » et peut être modifié tel quel",
  "revision.archived":
    "Ce plan de travail est archivé : un coordinateur ou une coordinatrice doit d’abord le restaurer",
  "revision.alreadyOpen":
    "Une révision de ce plan de travail est déjà ouverte : « {title} » ({id}) ; adoptez-la ou archivez-la avant d’en ouvrir une autre",

  "comment.threadNotFound": "Fil de discussion {threadId} introuvable",
  "comment.threadNotFoundForYou":
    "Fil de discussion {threadId} introuvable, ou vous n’êtes pas membre de son réseau",
  "comment.messageNotFound":
    "Message {commentId} introuvable, ou vous n’êtes pas membre de son réseau",
  "comment.deleted": "Ce message a été supprimé ; écrivez-en plutôt un nouveau",
  "comment.onlyOwnEdit": "Vous ne pouvez modifier que vos propres messages",
  "comment.onlyOwnDelete":
    "Vous ne pouvez supprimer que vos propres messages ; les coordinateurs peuvent retirer ceux des autres",
  "task.notFound": "Tâche {taskId} introuvable",
  "task.notFoundForYou": "Tâche {taskId} introuvable, ou vous n’êtes pas membre de son réseau",
  "task.assigneeOutside": "La personne désignée ({userId}) n’est pas membre de ce réseau",
  "task.viewerAssignee":
    "Les lecteurs ne peuvent pas se voir confier de tâches : désignez une personne qui commente, rédige ou coordonne",
  "task.threadOutside": "Le fil de discussion {threadId} ne fait pas partie de ce réseau",
  "task.warningOutside": "L’alerte {warningId} n’est pas une alerte active de ce réseau",
  "task.needsTitle": "title : une tâche a besoin d’un titre",
  "warning.notFound": "Alerte {warningId} introuvable",
  "warning.notRaised": "Alerte {warningId} introuvable, ou elle n’est plus signalée",
  "warning.organisationOutside":
    "l’organisation {organisation} n’est pas une organisation de ce réseau : utilisez l’identifiant d’une de ses organisations",
  "member.notFound": "Membre {userId} introuvable dans ce réseau",
  "member.lastCoordinator":
    "Un réseau a besoin d’au moins une personne qui coordonne : confiez d’abord ce rôle à quelqu’un d’autre",
  "member.organisationOutside": "L’organisation {organisationId} ne fait pas partie de ce réseau",
  "organisation.duplicate": "Le réseau a déjà une organisation nommée {name}",
  "owners.activityNotFound":
    "Activité {activityId} introuvable dans le plan de travail {workplanId}",
  "owners.strangers":
    "Les responsables doivent être membres du réseau ; ne sont pas membres : {names}",
  "owners.statusForbidden":
    "Seuls les responsables de l’activité, les rédacteurs de son organisation chef de file et les coordinateurs peuvent changer son statut",
  "exports.noIatiActivity":
    "Il n’y a aucune activité à publier dans l’IITA : un fichier IITA en demande au moins une",
  "exports.noIatiSettings":
    "Ce réseau n’a pas encore de paramètres IITA : un coordinateur ou une coordinatrice doit d’abord définir le préfixe d’identifiant IITA sur la page des paramètres IITA du réseau",

  "notification.mention": "{actor} vous a mentionné dans un commentaire sur {workplan}",
  "notification.reply":
    "{actor} a répondu dans un fil de discussion auquel vous avez participé sur {workplan}",
  "notification.commentRemoved":
    "{actor} a retiré l’un de vos messages d’un fil de discussion de {workplan}",
  "notification.owner": "{actor} vous a désigné responsable de « {activity} » dans {workplan}",
  "notification.consultation": "{actor} vous invite à commenter « {workplan} »",
  "notification.consultationUntil":
    "{actor} vous invite à commenter « {workplan} » jusqu’au {deadline, date, long}",
  "notification.taskAssigned": "{actor} vous a confié une tâche : {task}",
  "notification.taskAssignedDue": "{actor} vous a confié une tâche : {task} (échéance {due})",
  "notification.duplicate":
    "« {activity} » pourrait faire double emploi avec « {other} » ({workplan})",
  "notification.objection": "{organisation} s’oppose à « {workplan} » : {comment}",
  "notification.overruled":
    "{actor} est passé outre l’objection de {organisation} à « {workplan} » : {reason}",
  "notification.validationRequested":
    "« {workplan} » est en validation : {organisation} est appelée à l’approuver ou à s’y opposer",
  "notification.mailSubject": "Junction : {message}",
  "notification.mailText": "{message}\n\nOuvrir Junction : {link}",
  "access.frozen.rename": "il ne peut pas être renommé",
  "notification.taskStatus":
    "{actor} a marqué « {task} » comme {status, select, open {ouverte} inProgress {en cours} done {terminée} other {annulée}}",
  "notification.taskUpdated": "{actor} a mis à jour la tâche « {task} »",
  "suggestion.frozen": "aucune suggestion ne peut y être faite ni tranchée",
  "suggestion.superseded":
    "Une révision plus récente de ce plan de travail le remplace : faites et traitez les suggestions dans celle-ci",
  "suggestion.notFound":
    "Suggestion {suggestionId} introuvable, ou vous n’êtes pas membre de son réseau",
  "suggestion.badAnchor":
    "anchor : les deux extrémités doivent être du base64 de Y.encodeRelativePosition",
  "suggestion.textChanged":
    "Le texte sélectionné a changé ou ne figure plus dans le plan de travail : sélectionnez-le à nouveau",
  "suggestion.sameText": "text : une formulation différente du texte cité",
  "suggestion.activityMissing": "L’activité {activityId} ne fait pas partie de ce plan de travail",
  "suggestion.sameValue": "value : le champ {field} a déjà cette valeur",
  "suggestion.notOpen":
    "Cette suggestion a déjà été {status, select, accepted {acceptée} rejected {rejetée} other {retirée}} ; seules les suggestions ouvertes peuvent être tranchées ou retirées",
  "suggestion.decideForbidden":
    "Seuls les coordinateurs et les éditeurs de l’organisation chef de file de l’activité (ou, dans le texte narratif, les éditeurs) peuvent accepter ou rejeter cette suggestion",
  "suggestion.notSaved":
    "Le plan de travail n’a pas pu être enregistré pour l’instant : la suggestion n’a pas été appliquée ; réessayez dans un moment",
  "suggestion.outdated":
    "Le texte ou la valeur visés par cette suggestion ont changé depuis : rien n’a été appliqué ; rejetez-la ou demandez une nouvelle suggestion",
  "suggestion.decidedMeanwhile": "Cette suggestion a été tranchée entre-temps",
  "suggestion.onlyAuthorWithdraws": "Seul son auteur peut retirer une suggestion",
  "notification.suggestionMention": "{actor} vous a mentionné dans une suggestion sur {workplan}",
  "notification.suggestion": "{actor} a suggéré une modification de {workplan}",
  "notification.suggestionDecided":
    "{actor} a {decision, select, accepted {accepté} other {rejeté}} votre suggestion sur {workplan}",
} as const satisfies Catalogue;
