import type { Catalogue } from "./en";

// Arabic counts minutes in six forms: one (دقيقة واحدة), two (دقيقتان/دقيقتين), 3–10 (دقائق),
// 11–99 and 100+ (دقيقة); `zero` reads like the last
function minutes(before: string, after: string): string {
  return `{minutes, plural, zero {${before}# دقيقة${after}} one {${before}دقيقة واحدة${after}} two {${before}دقيقتين${after}} few {${before}# دقائق${after}} many {${before}# دقيقة${after}} other {${before}# دقيقة${after}}}`;
}

function objections(single: string, several: string): string {
  return `{count, plural, zero {${several}} one {${single}} two {${several}} few {${several}} many {${several}} other {${several}}}`;
}

export const AR = {
  "stage.draft": "مسودة",
  "stage.consultation": "التشاور",
  "stage.validation": "المصادقة",
  "stage.adopted": "معتمدة",

  "request.invalid": "الطلب غير صالح: {details}",
  "request.notJson": "أرسل نص الطلب بصيغة JSON (Content-Type: application/json)",
  "request.badJson": "نص الطلب ليس JSON صالحاً",
  "request.tooLarge": "نص الطلب أكبر من 1 ميبيبايت",
  "request.noRoute": "لا يوجد مسار كهذا في واجهة البرمجة؛ انظر /api/openapi.json",
  "request.internal": "حدث خطأ من جهتنا (الطلب {requestId})",
  "storage.busy": "قاعدة البيانات مشغولة، لذلك لم يُحفظ أي شيء؛ حاول مرة أخرى بعد قليل",
  "storage.full":
    "قرص الخادم ممتلئ، لذلك لم يُحفظ أي شيء؛ أبلغ المسؤول عن النظام وحاول مرة أخرى لاحقاً",
  "storage.notSaved": "تعذّر حفظ خطة العمل الآن، لذلك لم يُحفظ أي شيء؛ حاول مرة أخرى بعد قليل",
  "storage.notRead":
    "تعذّرت قراءة وثيقة خطة العمل الآن، لذلك لم يُحفظ أي شيء؛ حاول مرة أخرى بعد قليل",
  "storage.notRestored":
    "تعذّر حفظ خطة العمل الآن، لذلك لم تتم استعادة أي شيء؛ حاول مرة أخرى بعد قليل",
  "storage.revisionNotSaved":
    "تعذّر حفظ وثيقة التنقيح الآن، لذلك لم يُنشأ أي شيء؛ حاول مرة أخرى بعد قليل",
  "exports.busy": "الخادم مشغول بعمليات تصدير أخرى؛ حاول مرة أخرى بعد دقيقة",

  "locale.unknown":
    "لا يتحدث Junction اللغة «{locale}»؛ اختر إحدى اللغات التالية: {locales} (أو null للغة المتصفح)",

  "auth.invalidCredentials": "البريد الإلكتروني أو كلمة المرور غير صحيحة",
  "auth.signInFirst": "سجّل الدخول أولاً، أو أرسل رمزاً مميزاً لواجهة البرمجة",
  "auth.signInOrTokenParameter": "سجّل الدخول أولاً، أو مرّر ?token= مع رمز مميز لواجهة البرمجة",
  "auth.invalidToken": "الرمز المميز لواجهة البرمجة غير صالح، أو تم إلغاؤه",
  "auth.foreignOrigin":
    "يجب أن يأتي هذا الطلب من صفحات Junction نفسها (ترويسة Origin مفقودة أو خارجية)",
  "auth.tooManyAttempts": minutes("محاولات فاشلة كثيرة جداً؛ حاول مرة أخرى بعد ", ""),
  "auth.sessionNotFound": "لم يُعثر على الجلسة",

  "password.tooShort":
    "استخدم {min} حرفاً على الأقل؛ بضع كلمات لا رابط بينها تصنع كلمة مرور قوية يسهل تذكرها",
  "password.tooLong": "استخدم {max} حرفاً على الأكثر",
  "password.common": "كلمة المرور هذه من أكثر كلمات المرور استخداماً؛ اختر غيرها",
  "password.personal": "لا تبنِ كلمة المرور من عنوان بريدك الإلكتروني أو من اسم هذه الخدمة",
  "password.wrongCurrent": "كلمة المرور الحالية غير صحيحة؛ لم يتغير أي شيء",
  "password.notWithToken":
    "غيّر كلمة المرور من جلسة مسجّلة في المتصفح؛ لا يستطيع الرمز المميز لواجهة البرمجة تغييرها",

  "reset.invalid":
    "رابط إعادة تعيين كلمة المرور هذا غير صالح. تحقق من أنك نسخته كاملاً، أو اطلب رابطاً جديداً",
  "reset.expired": minutes(
    "انتهت صلاحية رابط إعادة تعيين كلمة المرور هذا (تعمل الروابط لمدة ",
    "). اطلب رابطاً جديداً",
  ),
  "reset.used":
    "سبق استخدام رابط إعادة تعيين كلمة المرور هذا. اطلب رابطاً جديداً إذا احتجت إليه مرة أخرى",
  "reset.replaced":
    "استُبدل رابط إعادة تعيين كلمة المرور هذا برابط أحدث، أو تغيّرت كلمة المرور منذ ذلك الحين. استخدم أحدث رابط، أو اطلب رابطاً جديداً",
  "reset.tooMany": minutes("طلبات كثيرة جداً لإعادة تعيين كلمة المرور؛ حاول مرة أخرى بعد ", ""),
  "reset.sent": minutes(
    "إذا كان هناك حساب يستخدم {email}، فقد أرسلنا إليه رابطاً لاختيار كلمة مرور جديدة. يعمل الرابط مرة واحدة، لمدة ",
    ".",
  ),
  "reset.noMail":
    "هذا الخادم لا يرسل البريد الإلكتروني. اطلب رابط إعادة تعيين كلمة المرور من أحد مسؤولي النظام؛ يعمل الرابط مرة واحدة ولمدة محدودة.",
  "reset.userNotFound": "لم يُعثر على المستخدم {userId}",
  "reset.mailSubject": "اختر كلمة مرور جديدة لـ Junction",
  "reset.mailText": minutes(
    "طلب أحدهم (ونأمل أن تكون أنت) إعادة تعيين كلمة مرور حساب Junction الخاص بـ {email}.\n\nاختر كلمة مرور جديدة: {link}\n\nيعمل الرابط مرة واحدة، لمدة ",
    ". يؤدي اختيار كلمة مرور جديدة إلى تسجيل خروجك من كل مكان. إذا لم تطلب ذلك، فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.",
  ),

  "invitation.invalid":
    "رابط الدعوة هذا غير صالح: ربما استُخدم أو أُلغي أو انتهت صلاحيته. اطلب رابطاً جديداً من المنسق",
  "invitation.wrongPassword":
    "كلمة المرور هذه لا تفتح أي حساب في Junction لهذا العنوان. إذا كان لديك حساب، فأدخل كلمة مروره؛ وإلا فأنشئ حساباً",
  "invitation.otherAddress":
    "هذه الدعوة موجهة إلى {email}؛ سجّل الخروج أولاً، ثم افتح الرابط مرة أخرى",
  "invitation.organisationOutside": "المنظمة {organisationId} ليست جزءاً من هذه الشبكة",
  "invitation.alreadyMember": "{email} عضو بالفعل في هذه الشبكة؛ غيّر دوره بدلاً من ذلك",
  "invitation.notFound": "لم يُعثر على الدعوة {invitationId}",
  "invitation.closed": "سبق قبول هذه الدعوة أو إلغاؤها",
  "invitation.mailSubject": "يدعوك {inviter} إلى {network} على Junction",
  "invitation.mailText":
    "يدعوك {inviter} إلى الانضمام إلى {network} بصفة {role, select, coordinator {منسق} editor {محرر} commenter {معلّق} other {قارئ}} عن {organisation}.\n\nاقبل الدعوة: {link}\n\nيعمل الرابط مرة واحدة وتنتهي صلاحيته في {expires, date, long}.",

  "access.networkNotFound": "لم يُعثر على الشبكة {networkId}، أو أنك لست عضواً فيها",
  "access.roleCannot":
    "بصفتك {role, select, coordinator {منسقاً} editor {محرراً} commenter {معلّقاً} other {قارئاً}} في هذه الشبكة لا يمكنك القيام بذلك ({permission})",
  "access.workplanNotFound": "لم يُعثر على خطة العمل {workplanId}، أو أنك لست عضواً في شبكتها",
  "access.adminOnly": "لا يستطيع القيام بذلك إلا مسؤول النظام",
  "access.frozen":
    "{state, select, archived {خطة العمل هذه مؤرشفة وللقراءة فقط: {refused}. يمكن للمنسق استعادتها لتعديلها من جديد.} other {خطة العمل هذه معتمدة وللقراءة فقط: {refused}. يمكن للمنسق بدء تنقيح لها.}}",
  "access.frozen.text": "لا يمكن تغيير نصها وأنشطتها",
  "access.frozen.restore": "لا يمكن استعادة أي نسخة عليها",
  "access.frozen.version": "لا يمكن حفظ أي نسخة منها",
  "access.frozen.comments": "يمكن قراءة تعليقاتها لكن لا يمكن الإضافة إليها أو تغييرها",
  "access.frozen.deadline": "لا يمكن تغيير الموعد النهائي للتشاور بشأنها",
  "network.notFound": "لم يُعثر على الشبكة {networkId}",
  "workplan.notFound": "لم يُعثر على خطة العمل {workplanId}",

  "lifecycle.consultationOver":
    "انتهى التشاور: خطة العمل هذه في مرحلة «{stage}». أعدها إلى التشاور (مع ذكر السبب) لتلقي التعليقات من جديد",
  "stages.deadlinePassed": "انقضى الموعد النهائي للتشاور {deadline}؛ اختر اليوم أو يوماً لاحقاً",
  "stages.archived": "خطة العمل هذه مؤرشفة وللقراءة فقط: يستعيدها المنسق قبل تغيير مرحلتها",
  "stages.deadlineNeedsConsultation":
    "يُحدَّد الموعد النهائي عند الانتقال إلى التشاور؛ حدده لاحقاً باستخدام PUT .../consultation",
  "validation.objections": objections(
    "تعترض {names} على خطة العمل هذه، لذلك لا يمكن اعتمادها بعد: اعتمدها بعد سحب الاعتراض، أو ارفض الاعتراض مع ذكر السبب",
    "تعترض {names} على خطة العمل هذه، لذلك لا يمكن اعتمادها بعد: اعتمدها بعد سحب الاعتراضات، أو ارفض الاعتراضات مع ذكر السبب",
  ),
  "validation.archived": "خطة العمل هذه مؤرشفة وللقراءة فقط: استعدها أولاً",
  "validation.wrongStage":
    "لا تتلقى الموافقات والاعتراضات وقرارات رفضها إلا خطة عمل في مرحلة المصادقة؛ وهذه في مرحلة «{stage}»",
  "validation.notRunning": "لا تجري أي مصادقة على خطة العمل هذه؛ انقلها إلى المصادقة",
  "validation.leadsNothing":
    "منظمتك ({organisation}) لا تقود أي نشاط في خطة العمل هذه، لذلك لا يُطلب منها المصادقة عليها",
  "validation.organisationOutside": "المنظمة {organisationId} ليست من منظمات هذه الشبكة",
  "validation.noObjection": "ليس لدى {organisation} اعتراض قائم على خطة العمل هذه يمكن رفضه",
  "revision.notAdopted": "لا تُنقَّح إلا خطة عمل معتمدة؛ وهذه في مرحلة «{stage}» ويمكن تعديلها كما هي",
  "revision.archived": "خطة العمل هذه مؤرشفة: يستعيدها المنسق أولاً",
  "revision.alreadyOpen":
    "هناك تنقيح مفتوح بالفعل لخطة العمل هذه: «{title}» ({id})؛ اعتمده أو أرشفه قبل فتح تنقيح آخر",

  "comment.threadNotFound": "لم يُعثر على سلسلة النقاش {threadId}",
  "comment.threadNotFoundForYou": "لم يُعثر على سلسلة النقاش {threadId}، أو أنك لست عضواً في شبكتها",
  "comment.messageNotFound": "لم يُعثر على الرسالة {commentId}، أو أنك لست عضواً في شبكتها",
  "comment.deleted": "حُذفت هذه الرسالة؛ اكتب رسالة جديدة بدلاً منها",
  "comment.onlyOwnEdit": "لا يمكنك تعديل إلا رسائلك",
  "comment.onlyOwnDelete": "لا يمكنك حذف إلا رسائلك؛ ويمكن للمنسقين إزالة رسائل الآخرين",
  "task.notFound": "لم يُعثر على المهمة {taskId}",
  "task.notFoundForYou": "لم يُعثر على المهمة {taskId}، أو أنك لست عضواً في شبكتها",
  "task.assigneeOutside": "المكلَّف {userId} ليس عضواً في هذه الشبكة",
  "task.viewerAssignee": "لا يمكن تكليف القراء بمهام: كلّف معلّقاً أو محرراً أو منسقاً",
  "task.threadOutside": "سلسلة النقاش {threadId} ليست جزءاً من هذه الشبكة",
  "task.warningOutside": "التنبيه {warningId} ليس تنبيهاً قائماً في هذه الشبكة",
  "task.needsTitle": "title: تحتاج المهمة إلى عنوان",
  "warning.notFound": "لم يُعثر على التنبيه {warningId}",
  "warning.notRaised": "لم يُعثر على التنبيه {warningId}، أو لم يعد قائماً",
  "warning.organisationOutside":
    "المنظمة {organisation} ليست من منظمات هذه الشبكة: استخدم معرّف إحدى منظماتها",
  "member.notFound": "لم يُعثر على العضو {userId} في هذه الشبكة",
  "member.lastCoordinator": "تحتاج الشبكة إلى منسق واحد على الأقل: اجعل شخصاً آخر منسقاً أولاً",
  "member.organisationOutside": "المنظمة {organisationId} ليست جزءاً من هذه الشبكة",
  "organisation.duplicate": "لدى الشبكة بالفعل منظمة باسم {name}",
  "owners.activityNotFound": "لم يُعثر على النشاط {activityId} في خطة العمل {workplanId}",
  "owners.strangers": "يجب أن يكون المسؤولون أعضاء في الشبكة؛ ليسوا أعضاء: {names}",
  "owners.statusForbidden": "لا يغيّر حالة النشاط إلا المسؤولون عنه ومحررو منظمته الرائدة والمنسقون",
  "exports.noIatiActivity": "لا يوجد نشاط لنشره في IATI: يحتاج ملف IATI إلى نشاط واحد على الأقل",
  "exports.noIatiSettings":
    "ليس لهذه الشبكة إعدادات IATI بعد: يحدد المنسق أولاً بادئة معرّف IATI في صفحة إعدادات IATI للشبكة",

  "notification.mention": "أشار إليك {actor} في تعليق على {workplan}",
  "notification.reply": "ردّ {actor} في سلسلة نقاش شاركت فيها بشأن {workplan}",
  "notification.commentRemoved": "أزال {actor} رسالة لك من سلسلة نقاش في {workplan}",
  "notification.owner": "جعلك {actor} مسؤولاً عن «{activity}» في {workplan}",
  "notification.consultation": "يدعوك {actor} إلى التعليق على «{workplan}»",
  "notification.consultationUntil":
    "يدعوك {actor} إلى التعليق على «{workplan}» حتى {deadline, date, long}",
  "notification.taskAssigned": "كلّفك {actor} بمهمة: {task}",
  "notification.taskAssignedDue": "كلّفك {actor} بمهمة: {task} (موعدها {due})",
  "notification.duplicate": "قد يكون «{activity}» تكراراً لـ «{other}» ({workplan})",
  "notification.objection": "تعترض {organisation} على «{workplan}»: {comment}",
  "notification.overruled": "رفض {actor} اعتراض {organisation} على «{workplan}»: {reason}",
  "notification.validationRequested":
    "«{workplan}» في مرحلة المصادقة: يُطلب من {organisation} الموافقة عليها أو الاعتراض",
  "notification.mailSubject": "Junction: {message}",
  "notification.mailText": "{message}\n\nافتح Junction: {link}",
  "access.frozen.rename": "لا يمكن تغيير اسمها",
  "notification.taskStatus":
    "غيّر {actor} حالة المهمة «{task}» إلى {status, select, open {مفتوحة} inProgress {قيد التنفيذ} done {منجزة} other {ملغاة}}",
  "notification.taskUpdated": "حدّث {actor} المهمة «{task}»",
  "suggestion.frozen": "لا يمكن تقديم اقتراحات عليها أو البت فيها",
  "suggestion.superseded": "تحلّ محلّ خطة العمل هذه نسخة منقّحة أحدث: قدّم الاقتراحات وابتّ فيها هناك",
  "suggestion.notFound": "لم يُعثر على الاقتراح {suggestionId}، أو أنك لست عضوًا في شبكته",
  "suggestion.badAnchor": "anchor: يجب أن يكون الطرفان بترميز base64 لـ Y.encodeRelativePosition",
  "suggestion.textChanged": "تغيّر النص الذي حددته أو لم يعد موجودًا في خطة العمل: حدده مرة أخرى",
  "suggestion.sameText": "text: صياغة مختلفة عن النص المقتبس",
  "suggestion.activityMissing": "النشاط {activityId} ليس جزءًا من خطة العمل هذه",
  "suggestion.sameValue": "value: الحقل {field} يحمل هذه القيمة بالفعل",
  "suggestion.notOpen":
    "{status, select, accepted {سبق قبول هذا الاقتراح} rejected {سبق رفض هذا الاقتراح} other {سبق سحب هذا الاقتراح}}؛ لا يمكن البت إلا في الاقتراحات المفتوحة أو سحبها",
  "suggestion.decideForbidden":
    "لا يقبل هذا الاقتراح أو يرفضه إلا المنسقون ومحررو المنظمة الرائدة للنشاط (أو المحررون في الجزء السردي)",
  "suggestion.notSaved": "تعذّر حفظ خطة العمل الآن، لذا لم يُطبَّق الاقتراح؛ حاول مرة أخرى بعد قليل",
  "suggestion.outdated":
    "تغيّر النص أو القيمة التي يتناولها هذا الاقتراح منذ تقديمه، لذا لم يُطبَّق شيء؛ ارفضه أو اطلب اقتراحًا جديدًا",
  "suggestion.decidedMeanwhile": "بُتّ في هذا الاقتراح في الأثناء",
  "suggestion.onlyAuthorWithdraws": "لا يسحب الاقتراح إلا صاحبه",
  "notification.suggestionMention": "أشار إليك {actor} في اقتراح على {workplan}",
  "notification.suggestion": "اقترح {actor} تغييرًا على {workplan}",
  "notification.suggestionDecided":
    "{decision, select, accepted {قبل} other {رفض}} {actor} اقتراحك على {workplan}",
} as const satisfies Catalogue;
