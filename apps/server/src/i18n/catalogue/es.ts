import type { Catalogue } from "./en";

export const ES = {
  "stage.draft": "borrador",
  "stage.consultation": "consulta",
  "stage.validation": "validación",
  "stage.adopted": "aprobado",

  "request.invalid": "La solicitud no es válida: {details}",
  "request.notJson": "Envíe el cuerpo de la solicitud en JSON (Content-Type: application/json)",
  "request.badJson": "El cuerpo de la solicitud no es JSON válido",
  "request.tooLarge": "El cuerpo de la solicitud supera 1 MiB",
  "request.noRoute": "Esta ruta de la API no existe; consulte /api/openapi.json",
  "request.internal": "Algo falló de nuestro lado (solicitud {requestId})",
  "storage.busy":
    "La base de datos está ocupada, así que no se guardó nada; vuelva a intentarlo en un momento",
  "storage.full":
    "El disco del servidor está lleno, así que no se guardó nada; avise a su administrador y vuelva a intentarlo más tarde",
  "storage.notSaved":
    "No se pudo guardar el plan de trabajo en este momento, así que no se guardó nada; vuelva a intentarlo en un momento",
  "storage.notRead":
    "No se pudo leer el documento del plan de trabajo en este momento, así que no se guardó nada; vuelva a intentarlo en un momento",
  "storage.notRestored":
    "No se pudo guardar el plan de trabajo en este momento, así que no se restauró nada; vuelva a intentarlo en un momento",
  "storage.revisionNotSaved":
    "No se pudo guardar el documento de la revisión en este momento, así que no se creó nada; vuelva a intentarlo en un momento",
  "exports.busy":
    "El servidor está ocupado con otras exportaciones; vuelva a intentarlo en un minuto",

  "locale.unknown":
    "Junction no habla «{locale}»; elija uno de: {locales} (o null para el idioma del navegador)",

  "auth.invalidCredentials": "El correo electrónico o la contraseña no son correctos",
  "auth.signInFirst": "Inicie sesión primero, o envíe un token de API",
  "auth.signInOrTokenParameter": "Inicie sesión primero, o pase ?token= con un token de API",
  "auth.invalidToken": "El token de API no es válido, o fue revocado",
  "auth.foreignOrigin":
    "Esta solicitud debe venir de las páginas de Junction (encabezado Origin ausente o ajeno)",
  "auth.tooManyAttempts":
    "{minutes, plural, one {Demasiados intentos fallidos; vuelva a intentarlo dentro de # minuto} other {Demasiados intentos fallidos; vuelva a intentarlo dentro de # minutos}}",
  "auth.sessionNotFound": "No se encontró la sesión",

  "password.tooShort":
    "Use al menos {min} caracteres; unas cuantas palabras sin relación entre sí forman una contraseña segura y fácil de recordar",
  "password.tooLong": "Use como máximo {max} caracteres",
  "password.common": "Esta contraseña está entre las más usadas; elija otra",
  "password.personal":
    "No construya la contraseña a partir de su dirección de correo electrónico ni del nombre de este servicio",
  "password.wrongCurrent": "Su contraseña actual no es correcta; no se cambió nada",
  "password.notWithToken":
    "Cambie su contraseña desde una sesión iniciada en el navegador; un token de API no puede cambiarla",

  "reset.invalid":
    "Este enlace para restablecer la contraseña no es válido. Compruebe que lo copió entero, o pida uno nuevo",
  "reset.expired":
    "{minutes, plural, one {Este enlace para restablecer la contraseña ha caducado (los enlaces sirven durante # minuto). Pida uno nuevo} other {Este enlace para restablecer la contraseña ha caducado (los enlaces sirven durante # minutos). Pida uno nuevo}}",
  "reset.used":
    "Este enlace para restablecer la contraseña ya se usó. Pida uno nuevo si lo necesita otra vez",
  "reset.replaced":
    "Este enlace para restablecer la contraseña fue sustituido por uno más reciente, o la contraseña se cambió desde entonces. Use el enlace más reciente, o pida uno nuevo",
  "reset.tooMany":
    "{minutes, plural, one {Demasiadas solicitudes para restablecer la contraseña; vuelva a intentarlo dentro de # minuto} other {Demasiadas solicitudes para restablecer la contraseña; vuelva a intentarlo dentro de # minutos}}",
  "reset.sent":
    "{minutes, plural, one {Si una cuenta usa {email}, le hemos enviado un enlace para elegir una nueva contraseña. El enlace sirve una vez, durante # minuto.} other {Si una cuenta usa {email}, le hemos enviado un enlace para elegir una nueva contraseña. El enlace sirve una vez, durante # minutos.}}",
  "reset.noMail":
    "Este servidor no envía correos electrónicos. Pida un enlace para restablecer la contraseña a un administrador de la instancia; sirve una vez, durante un tiempo limitado.",
  "reset.userNotFound": "No se encontró al usuario {userId}",
  "reset.mailSubject": "Elija una nueva contraseña de Junction",
  "reset.mailText":
    "{minutes, plural, one {Alguien (esperamos que usted) pidió restablecer la contraseña de la cuenta de Junction de {email}.\n\nElija una nueva contraseña: {link}\n\nEl enlace sirve una vez, durante # minuto. Elegir una nueva contraseña cierra su sesión en todas partes. Si no lo pidió, ignore este mensaje: su contraseña no cambia.} other {Alguien (esperamos que usted) pidió restablecer la contraseña de la cuenta de Junction de {email}.\n\nElija una nueva contraseña: {link}\n\nEl enlace sirve una vez, durante # minutos. Elegir una nueva contraseña cierra su sesión en todas partes. Si no lo pidió, ignore este mensaje: su contraseña no cambia.}}",

  "invitation.invalid":
    "Este enlace de invitación no es válido: puede que se haya usado, revocado o que haya caducado. Pida uno nuevo a su coordinador o coordinadora",
  "invitation.wrongPassword":
    "Esa contraseña no abre ninguna cuenta de Junction para esta dirección. Si tiene una cuenta, escriba su contraseña; si no, cree una",
  "invitation.otherAddress":
    "Esta invitación es para {email}; cierre la sesión primero y vuelva a abrir el enlace",
  "invitation.organisationOutside": "La organización {organisationId} no forma parte de esta red",
  "invitation.alreadyMember": "{email} ya es miembro de esta red; cambie su función en su lugar",
  "invitation.notFound": "No se encontró la invitación {invitationId}",
  "invitation.closed": "Esta invitación ya fue aceptada o revocada",
  "invitation.mailSubject": "{inviter} le invita a {network} en Junction",
  "invitation.mailText":
    "{inviter} le invita a unirse a {network} con la función de {role, select, coordinator {coordinación} editor {edición} commenter {comentarios} other {lectura}} por {organisation}.\n\nAceptar la invitación: {link}\n\nEl enlace sirve una vez y caduca el {expires, date, long}.",

  "access.networkNotFound": "No se encontró la red {networkId}, o usted no es miembro",
  "access.roleCannot":
    "Con la función de {role, select, coordinator {coordinación} editor {edición} commenter {comentarios} other {lectura}} en esta red no puede hacer esto ({permission})",
  "access.workplanNotFound":
    "No se encontró el plan de trabajo {workplanId}, o usted no es miembro de su red",
  "access.adminOnly": "Solo un administrador de la instancia puede hacer esto",
  "access.frozen":
    "{state, select, archived {Este plan de trabajo está archivado y es de solo lectura: {refused}. Un coordinador o coordinadora puede restaurarlo para volver a modificarlo.} other {Este plan de trabajo está aprobado y es de solo lectura: {refused}. Un coordinador o coordinadora puede abrir una revisión a partir de él.}}",
  "access.frozen.text": "no se pueden modificar su texto ni sus actividades",
  "access.frozen.restore": "no se puede restaurar ninguna versión sobre él",
  "access.frozen.version": "no se puede guardar ninguna versión suya",
  "access.frozen.comments": "sus comentarios se pueden leer, pero no ampliar ni modificar",
  "access.frozen.deadline": "no se puede cambiar la fecha límite de su consulta",
  "network.notFound": "No se encontró la red {networkId}",
  "workplan.notFound": "No se encontró el plan de trabajo {workplanId}",

  "lifecycle.consultationOver":
    "La consulta ha terminado: este plan de trabajo está en la etapa «{stage}». Devuélvalo a consulta (con un motivo) para volver a recibir comentarios",
  "stages.deadlinePassed":
    "La fecha límite de consulta {deadline} ya pasó; elija hoy o un día posterior",
  "stages.archived":
    "Este plan de trabajo está archivado y es de solo lectura: un coordinador o coordinadora debe restaurarlo antes de cambiar su etapa",
  "stages.deadlineNeedsConsultation":
    "Una fecha límite acompaña el paso a consulta; fíjela más tarde con PUT .../consultation",
  "validation.objections":
    "{count, plural, one {{names} objeta este plan de trabajo, así que aún no puede aprobarse: apruébelo cuando se retire la objeción, o desestímela indicando un motivo} other {{names} objetan este plan de trabajo, así que aún no puede aprobarse: apruébelo cuando se retiren las objeciones, o desestímelas indicando un motivo}}",
  "validation.archived":
    "Este plan de trabajo está archivado y es de solo lectura: restáurelo primero",
  "validation.wrongStage":
    "Solo un plan de trabajo en validación recibe aprobaciones, objeciones y desestimaciones; este está en la etapa «{stage}»",
  "validation.notRunning":
    "Este plan de trabajo no tiene ninguna validación en curso; páselo a validación",
  "validation.leadsNothing":
    "Su organización ({organisation}) no dirige ninguna actividad de este plan de trabajo, así que no se le pide validarlo",
  "validation.organisationOutside":
    "La organización {organisationId} no es una organización de esta red",
  "validation.noObjection":
    "{organisation} no tiene ninguna objeción vigente a este plan de trabajo que desestimar",
  "revision.notAdopted":
    "Solo se revisa un plan de trabajo aprobado; este está en la etapa «{stage}» y puede modificarse tal como está",
  "revision.archived":
    "Este plan de trabajo está archivado: un coordinador o coordinadora debe restaurarlo primero",
  "revision.alreadyOpen":
    "Ya hay una revisión abierta de este plan de trabajo: «{title}» ({id}); apruébela o archívela antes de abrir otra",

  "comment.threadNotFound": "No se encontró el hilo {threadId}",
  "comment.threadNotFoundForYou":
    "No se encontró el hilo {threadId}, o usted no es miembro de su red",
  "comment.messageNotFound":
    "No se encontró el mensaje {commentId}, o usted no es miembro de su red",
  "comment.deleted": "Este mensaje fue eliminado; escriba uno nuevo en su lugar",
  "comment.onlyOwnEdit": "Solo puede modificar sus propios mensajes",
  "comment.onlyOwnDelete":
    "Solo puede eliminar sus propios mensajes; los coordinadores pueden retirar los de otras personas",
  "task.notFound": "No se encontró la tarea {taskId}",
  "task.notFoundForYou": "No se encontró la tarea {taskId}, o usted no es miembro de su red",
  "task.assigneeOutside": "La persona asignada ({userId}) no es miembro de esta red",
  "task.viewerAssignee":
    "Quienes solo leen no pueden recibir tareas: asigne a alguien que comente, edite o coordine",
  "task.threadOutside": "El hilo {threadId} no forma parte de esta red",
  "task.warningOutside": "La alerta {warningId} no es una alerta activa de esta red",
  "task.needsTitle": "title: una tarea necesita un título",
  "warning.notFound": "No se encontró la alerta {warningId}",
  "warning.notRaised": "No se encontró la alerta {warningId}, o ya no está activa",
  "warning.organisationOutside":
    "la organización {organisation} no es una organización de esta red: use el identificador de una de sus organizaciones",
  "member.notFound": "No se encontró al miembro {userId} en esta red",
  "member.lastCoordinator":
    "Una red necesita al menos una persona que coordine: asigne primero esa función a otra persona",
  "member.organisationOutside": "La organización {organisationId} no forma parte de esta red",
  "organisation.duplicate": "La red ya tiene una organización llamada {name}",
  "owners.activityNotFound":
    "No se encontró la actividad {activityId} en el plan de trabajo {workplanId}",
  "owners.strangers": "Los responsables deben ser miembros de la red; no son miembros: {names}",
  "owners.statusForbidden":
    "Solo los responsables de la actividad, los editores de su organización principal y los coordinadores pueden cambiar su estado",
  "exports.noIatiActivity":
    "No hay ninguna actividad que publicar en IATI: un archivo IATI necesita al menos una",
  "exports.noIatiSettings":
    "Esta red aún no tiene configuración IATI: un coordinador o coordinadora debe fijar primero el prefijo de identificador IATI en la página de configuración IATI de la red",

  "notification.mention": "{actor} le mencionó en un comentario sobre {workplan}",
  "notification.reply": "{actor} respondió en un hilo en el que usted participó sobre {workplan}",
  "notification.commentRemoved": "{actor} retiró uno de sus mensajes de un hilo de {workplan}",
  "notification.owner": "{actor} le nombró responsable de «{activity}» en {workplan}",
  "notification.consultation": "{actor} le invita a comentar «{workplan}»",
  "notification.consultationUntil":
    "{actor} le invita a comentar «{workplan}» hasta el {deadline, date, long}",
  "notification.taskAssigned": "{actor} le asignó una tarea: {task}",
  "notification.taskAssignedDue": "{actor} le asignó una tarea: {task} (vence el {due})",
  "notification.duplicate": "«{activity}» podría duplicar «{other}» ({workplan})",
  "notification.objection": "{organisation} objeta «{workplan}»: {comment}",
  "notification.overruled":
    "{actor} desestimó la objeción de {organisation} a «{workplan}»: {reason}",
  "notification.validationRequested":
    "«{workplan}» está en validación: se pide a {organisation} que lo apruebe o lo objete",
  "notification.mailSubject": "Junction: {message}",
  "notification.mailText": "{message}\n\nAbrir Junction: {link}",
  "access.frozen.rename": "no se puede cambiar su nombre",
  "notification.taskStatus":
    "{actor} marcó «{task}» como {status, select, open {abierta} inProgress {en curso} done {terminada} other {cancelada}}",
  "notification.taskUpdated": "{actor} actualizó la tarea «{task}»",
  "suggestion.frozen": "no se pueden hacer ni resolver sugerencias en él",
  "suggestion.superseded":
    "Una revisión más reciente de este plan de trabajo lo continúa: haga y resuelva las sugerencias allí",
  "suggestion.notFound":
    "No se encontró la sugerencia {suggestionId}, o usted no es miembro de su red",
  "suggestion.badAnchor": "anchor: ambos extremos deben ser base64 de Y.encodeRelativePosition",
  "suggestion.textChanged":
    "El texto que seleccionó cambió o ya no está en el plan de trabajo: selecciónelo de nuevo",
  "suggestion.sameText": "text: una redacción distinta del texto citado",
  "suggestion.activityMissing": "La actividad {activityId} no forma parte de este plan de trabajo",
  "suggestion.sameValue": "value: el campo {field} ya tiene este valor",
  "suggestion.notOpen":
    "Esta sugerencia ya fue {status, select, accepted {aceptada} rejected {rechazada} other {retirada}}; solo las sugerencias abiertas pueden resolverse o retirarse",
  "suggestion.decideForbidden":
    "Solo los coordinadores y los editores de la organización líder de la actividad (o, en el texto narrativo, los editores) pueden aceptar o rechazar esta sugerencia",
  "suggestion.notSaved":
    "No se pudo guardar el plan de trabajo en este momento, así que la sugerencia no se aplicó; inténtelo de nuevo en un momento",
  "suggestion.outdated":
    "El texto o el valor de esta sugerencia cambió desde que se hizo, así que no se aplicó nada; recházela o pida una nueva sugerencia",
  "suggestion.decidedMeanwhile": "Esta sugerencia se resolvió mientras tanto",
  "suggestion.onlyAuthorWithdraws": "Solo su autor puede retirar una sugerencia",
  "notification.suggestionMention": "{actor} le mencionó en una sugerencia sobre {workplan}",
  "notification.suggestion": "{actor} sugirió un cambio en {workplan}",
  "notification.suggestionDecided":
    "{actor} {decision, select, accepted {aceptó} other {rechazó}} su sugerencia sobre {workplan}",
} as const satisfies Catalogue;
