# ruff: noqa: RUF001 — Japanese and Chinese full-width punctuation, typographic apostrophes (French).
"""The consent items needed to take part: one per role, which cannot be refused."""

from typing import Any

from prize_portal.site.seed_text import t

NEEDED: list[dict[str, Any]] = [
    {
        "code": "applicant-data",
        "required": True,
        "roles": ["applicant"],
        "title": t(
            en="Personal data needed to enter the prize",
            ko="응모에 필요한 개인정보",
            ja="賞への応募に必要な個人情報",
            zh_hans="申请参评所需的个人信息",
            es="Datos personales necesarios para presentarse al premio",
            fr="Données personnelles nécessaires pour candidater au prix",
        ),
        "summary": t(
            en="Without these the secretariat cannot receive, judge or award your entry.",
            ko="이 정보가 없으면 사무국이 귀하의 응모작을 접수하거나 심사하거나 시상할 수 없습니다.",
            ja="これらの情報がなければ、事務局は応募案件を受け付け、審査し、表彰することができません。",
            zh_hans="没有这些信息，秘书处将无法接收、评审您的参评项目或为其颁奖。",
            es="Sin estos datos, la secretaría no puede recibir, evaluar ni premiar su candidatura.",
            fr="Sans ces données, le secrétariat ne peut ni recevoir, ni évaluer, ni récompenser votre candidature.",
        ),
        "purpose": t(
            en=(
                "To receive and check your entry, have it judged, tell you the results, publish and certify an award, "
                "and invite winners to the event."
            ),
            ko="응모작 접수 및 확인, 심사, 결과 안내, 수상 내역 게시 및 증서 발급, 수상자 행사 초청",
            ja="応募案件の受付と確認、審査、結果のお知らせ、受賞の公表と証書の発行、および受賞者のイベントへの招待。",
            zh_hans="接收和审核您的参评项目，组织评审，通知您结果，公布奖项并颁发证书，以及邀请获奖者参加活动。",
            es=(
                "Recibir y revisar su candidatura, someterla a evaluación, comunicarle los resultados, publicar y "
                "certificar un premio e invitar a los ganadores al evento."
            ),
            fr=(
                "Recevoir et vérifier votre candidature, la faire évaluer, vous communiquer les résultats, publier et "
                "certifier une distinction, et inviter les lauréats à l’événement."
            ),
        ),
        "items": t(
            en=(
                "Name, e-mail address, preferred language, organisation, position, country, and the contact details "
                "and content of your entries."
            ),
            ko="이름, 이메일 주소, 선호 언어, 조직, 직위, 국가, 응모작의 연락처 및 내용",
            ja="氏名、メールアドレス、使用言語、団体、役職、国、および応募案件の連絡先と内容。",
            zh_hans="姓名、电子邮件地址、首选语言、机构、职务、国家，以及您参评项目中的联系方式和内容。",
            es=(
                "Nombre, dirección de correo electrónico, idioma preferido, organización, cargo, país, y los datos de "
                "contacto y el contenido de sus candidaturas."
            ),
            fr=(
                "Nom, adresse e-mail, langue préférée, organisation, fonction, pays, ainsi que les coordonnées et le "
                "contenu de vos candidatures."
            ),
        ),
        "retention": t(
            en="For the period set for the cycle after it closes; a published award stays published.",
            ko="회차 종료 후 해당 회차에 정해진 기간 동안 보유합니다. 게시된 수상 내역은 계속 게시됩니다.",
            ja="開催回の終了後、その開催回について定められた期間保存します。公表された受賞は引き続き公開されます。",
            zh_hans="在该届结束后，按为该届设定的期限保存；已公布的奖项将继续保持公布。",
            es="Durante el plazo fijado para la edición, tras su cierre; un premio publicado permanece publicado.",
            fr="Pendant la durée fixée pour l’édition, après sa clôture ; une distinction publiée reste publiée.",
        ),
        "refusal": t(
            en="You may refuse, but then you cannot create an account or submit an entry.",
            ko="동의를 거부할 권리가 있으나, 거부하는 경우 계정을 만들거나 응모작을 제출할 수 없습니다.",
            ja="同意を拒否することができますが、その場合はアカウントの作成や応募案件の提出ができません。",
            zh_hans="您可以拒绝，但拒绝后将无法创建账户或提交参评项目。",
            es="Puede negarse, pero en ese caso no podrá crear una cuenta ni presentar una candidatura.",
            fr="Vous pouvez refuser, mais vous ne pourrez alors ni créer de compte ni déposer de candidature.",
        ),
    },
    {
        "code": "collaborator-data",
        "required": True,
        "roles": ["collaborator"],
        "title": t(
            en="Personal data needed to work on an entry",
            ko="응모작 작업에 필요한 개인정보",
            ja="応募案件の作業に必要な個人情報",
            zh_hans="参与编辑参评项目所需的个人信息",
            es="Datos personales necesarios para trabajar en una candidatura",
            fr="Données personnelles nécessaires pour travailler sur une candidature",
        ),
        "summary": t(
            en="Needed so that you can edit the entry you were invited to.",
            ko="귀하가 초대받은 응모작을 편집할 수 있도록 하기 위해 필요합니다.",
            ja="招待された応募案件を編集していただくために必要です。",
            zh_hans="需要这些信息，以便您编辑受邀参与的参评项目。",
            es="Necesarios para que pueda editar la candidatura a la que se le ha invitado.",
            fr="Nécessaires pour que vous puissiez modifier la candidature à laquelle vous avez été invité.",
        ),
        "purpose": t(
            en="To let you work on the entry with its owner and to tell you what happens to it.",
            ko="응모작 소유자와 함께하는 응모작 작업, 응모작 진행 상황 안내",
            ja="応募案件のオーナーと共同で作業していただくこと、および応募案件の状況をお知らせすること。",
            zh_hans="让您与参评项目的所有者共同编辑该项目，并告知您该项目的进展。",
            es="Permitirle trabajar en la candidatura junto con su propietario e informarle de lo que ocurra con ella.",
            fr=(
                "Vous permettre de travailler sur la candidature avec son propriétaire et vous informer de ce qu’il en "
                "advient."
            ),
        ),
        "items": t(
            en="Name, e-mail address, preferred language and the changes you make to the entry.",
            ko="이름, 이메일 주소, 선호 언어, 귀하가 응모작에 적용한 변경 사항",
            ja="氏名、メールアドレス、使用言語、および応募案件に加えた変更。",
            zh_hans="姓名、电子邮件地址、首选语言，以及您对参评项目所做的修改。",
            es="Nombre, dirección de correo electrónico, idioma preferido y los cambios que realice en la candidatura.",
            fr="Nom, adresse e-mail, langue préférée et modifications que vous apportez à la candidature.",
        ),
        "retention": t(
            en="For the period set for the cycle after it closes.",
            ko="회차 종료 후 해당 회차에 정해진 기간 동안 보유합니다.",
            ja="開催回の終了後、その開催回について定められた期間保存します。",
            zh_hans="在该届结束后，按为该届设定的期限保存。",
            es="Durante el plazo fijado para la edición, tras su cierre.",
            fr="Pendant la durée fixée pour l’édition, après sa clôture.",
        ),
        "refusal": t(
            en="You may refuse, but then you cannot join the entry.",
            ko="동의를 거부할 권리가 있으나, 거부하는 경우 응모작에 참여할 수 없습니다.",
            ja="同意を拒否することができますが、その場合は応募案件に参加できません。",
            zh_hans="您可以拒绝，但拒绝后将无法加入该参评项目。",
            es="Puede negarse, pero en ese caso no podrá unirse a la candidatura.",
            fr="Vous pouvez refuser, mais vous ne pourrez alors pas rejoindre la candidature.",
        ),
    },
    {
        "code": "judge-data",
        "required": True,
        "roles": ["judge"],
        "title": t(
            en="Personal data needed to judge",
            ko="심사에 필요한 개인정보",
            ja="審査に必要な個人情報",
            zh_hans="评审所需的个人信息",
            es="Datos personales necesarios para la evaluación",
            fr="Données personnelles nécessaires à l’évaluation",
        ),
        "summary": t(
            en="Needed to assign entries to you and to keep the judging fair and auditable.",
            ko="귀하에게 응모작을 배정하고, 심사를 공정하고 감사 가능하게 유지하기 위해 필요합니다.",
            ja="応募案件を割り当て、審査の公正性と監査可能性を確保するために必要です。",
            zh_hans="用于向您分配参评项目，并确保评审公正、可审计。",
            es="Necesarios para asignarle candidaturas y mantener una evaluación justa y auditable.",
            fr="Nécessaires pour vous attribuer des candidatures et garantir une évaluation équitable et vérifiable.",
        ),
        "purpose": t(
            en=(
                "To assign entries to you, check conflicts of interest, record your scores and comments, and account "
                "for how the winners were chosen."
            ),
            ko="응모작 배정, 이해충돌 확인, 점수 및 의견 기록, 수상자 선정 경위에 대한 설명",
            ja="応募案件の割り当て、利益相反の確認、点数とコメントの記録、および受賞者の選定経緯の説明。",
            zh_hans="向您分配参评项目，核查利益冲突，记录您的评分和意见，并说明获奖者的评选过程。",
            es=(
                "Asignarle candidaturas, comprobar los conflictos de intereses, registrar sus puntuaciones y "
                "comentarios, y rendir cuentas de cómo se eligió a los ganadores."
            ),
            fr=(
                "Vous attribuer des candidatures, vérifier les conflits d’intérêts, enregistrer vos notes et "
                "commentaires, et rendre compte de la manière dont les lauréats ont été choisis."
            ),
        ),
        "items": t(
            en=(
                "Name, e-mail address, preferred language, country, organisation, declared conflicts, scores and "
                "comments."
            ),
            ko="이름, 이메일 주소, 선호 언어, 국가, 조직, 신고한 이해충돌, 점수 및 의견",
            ja="氏名、メールアドレス、使用言語、国、団体、申告された利益相反、点数、コメント。",
            zh_hans="姓名、电子邮件地址、首选语言、国家、机构、申报的利益冲突、评分和意见。",
            es=(
                "Nombre, dirección de correo electrónico, idioma preferido, país, organización, conflictos declarados, "
                "puntuaciones y comentarios."
            ),
            fr="Nom, adresse e-mail, langue préférée, pays, organisation, conflits déclarés, notes et commentaires.",
        ),
        "retention": t(
            en=(
                "For the period set for the cycle after it closes; the scores of a closed cycle are kept with an "
                "anonymised name."
            ),
            ko=(
                "회차 종료 후 해당 회차에 정해진 기간 동안 보유합니다. 종료된 회차의 점수는 이름을 익명처리하여 "
                "보관합니다."
            ),
            ja=(
                "開催回の終了後、その開催回について定められた期間保存します。終了した開催回の点数は、"
                "氏名を匿名化して保存されます。"
            ),
            zh_hans="在该届结束后，按为该届设定的期限保存；已结束届次的评分将以匿名化的姓名保存。",
            es=(
                "Durante el plazo fijado para la edición, tras su cierre; las puntuaciones de una edición cerrada se "
                "conservan con el nombre anonimizado."
            ),
            fr=(
                "Pendant la durée fixée pour l’édition, après sa clôture ; les notes d’une édition close sont "
                "conservées sous un nom anonymisé."
            ),
        ),
        "refusal": t(
            en="You may refuse, but then you cannot serve on the committee.",
            ko="동의를 거부할 권리가 있으나, 거부하는 경우 위원회 위원으로 활동할 수 없습니다.",
            ja="同意を拒否することができますが、その場合は委員会の委員を務めることができません。",
            zh_hans="您可以拒绝，但拒绝后将无法担任委员会成员。",
            es="Puede negarse, pero en ese caso no podrá formar parte del comité.",
            fr="Vous pouvez refuser, mais vous ne pourrez alors pas siéger au comité.",
        ),
    },
    {
        "code": "delegate-data",
        "required": True,
        "roles": ["delegate"],
        "title": t(
            en="Personal data needed to attend the event in Seoul",
            ko="서울 행사 참석에 필요한 개인정보",
            ja="ソウルでのイベント参加に必要な個人情報",
            zh_hans="参加首尔活动所需的个人信息",
            es="Datos personales necesarios para asistir al evento en Seúl",
            fr="Données personnelles nécessaires pour assister à l’événement à Séoul",
        ),
        "summary": t(
            en="Needed to invite you, register you and help with your visa.",
            ko="귀하를 초청하고 등록하며 비자 발급을 지원하기 위해 필요합니다.",
            ja="ご招待、参加登録、およびビザ取得の支援のために必要です。",
            zh_hans="用于邀请您、为您办理注册并协助您办理签证。",
            es="Necesarios para invitarle, inscribirle y ayudarle con el visado.",
            fr="Nécessaires pour vous inviter, vous inscrire et vous aider dans vos démarches de visa.",
        ),
        "purpose": t(
            en=(
                "To send your invitation, register your attendance, issue a letter for your visa and plan the "
                "programme."
            ),
            ko="초청장 발송, 참석 등록, 비자용 서한 발급, 프로그램 기획",
            ja="招待状の送付、参加登録、ビザ用レターの発行、およびプログラムの計画。",
            zh_hans="向您发送邀请，登记您的出席，为您的签证出具函件，以及安排活动日程。",
            es=(
                "Enviarle la invitación, registrar su asistencia, expedir una carta para su visado y planificar el "
                "programa."
            ),
            fr=(
                "Vous envoyer votre invitation, enregistrer votre participation, établir une lettre pour votre visa et "
                "préparer le programme."
            ),
        ),
        "items": t(
            en=(
                "Name, position, organisation, e-mail address, nationality and, if you ask for a visa letter, your "
                "passport details."
            ),
            ko="이름, 직위, 조직, 이메일 주소, 국적, 비자용 서한을 요청하는 경우 여권 정보",
            ja="氏名、役職、団体、メールアドレス、国籍、およびビザ用レターを希望する場合はパスポート情報。",
            zh_hans="姓名、职务、机构、电子邮件地址、国籍，以及（如您申请签证函）护照信息。",
            es=(
                "Nombre, cargo, organización, dirección de correo electrónico, nacionalidad y, si solicita una carta "
                "para el visado, los datos de su pasaporte."
            ),
            fr=(
                "Nom, fonction, organisation, adresse e-mail, nationalité et, si vous demandez une lettre pour votre "
                "visa, les données de votre passeport."
            ),
        ),
        "retention": t(
            en="Until 90 days after the cycle's event, when your details and passport details are deleted.",
            ko="해당 회차 행사 종료 90일 후까지 보유하며, 그때 귀하의 정보와 여권 정보를 삭제합니다.",
            ja="その開催回のイベント終了から90日後まで保存し、その時点でご本人の情報とパスポート情報を削除します。",
            zh_hans="保存至该届活动结束后90天，届时删除您的信息和护照信息。",
            es=(
                "Hasta 90 días después del evento de la edición, cuando se suprimen sus datos y los datos de su "
                "pasaporte."
            ),
            fr=(
                "Jusqu’à 90 jours après l’événement de l’édition, date à laquelle vos données et vos données de "
                "passeport sont supprimées."
            ),
        ),
        "refusal": t(
            en="You may refuse, but then we cannot register you for the event.",
            ko="동의를 거부할 권리가 있으나, 거부하는 경우 행사 참석 등록을 할 수 없습니다.",
            ja="同意を拒否することができますが、その場合はイベントへの参加登録ができません。",
            zh_hans="您可以拒绝，但拒绝后我们将无法为您办理活动注册。",
            es="Puede negarse, pero en ese caso no podremos inscribirle en el evento.",
            fr="Vous pouvez refuser, mais nous ne pourrons alors pas vous inscrire à l’événement.",
        ),
    },
    {
        "code": "nominee-data",
        "required": True,
        "roles": ["nominee"],
        "title": t(
            en="Personal data needed to be considered as a nominee",
            ko="추천 후보자 검토에 필요한 개인정보",
            ja="被推薦者として検討されるために必要な個人情報",
            zh_hans="作为被提名人接受评议所需的个人信息",
            es="Datos personales necesarios para que se le considere persona nominada",
            fr="Données personnelles nécessaires à l’examen de votre nomination",
        ),
        "summary": t(
            en="Needed when you are nominated for the Leadership category.",
            ko="리더십 부문 후보로 추천된 경우에 필요합니다.",
            ja="リーダーシップ部門に推薦された場合に必要です。",
            zh_hans="在您获得领导力类提名时需要。",
            es="Necesarios cuando se le nomina en la categoría Liderazgo.",
            fr="Nécessaires lorsque vous êtes nominé dans la catégorie Leadership.",
        ),
        "purpose": t(
            en="To consider your nomination, have it judged and, if you win, publish and certify the award.",
            ko="추천 검토, 심사, 수상 시 수상 내역 게시 및 증서 발급",
            ja="推薦の検討、審査、および受賞した場合の受賞の公表と証書の発行。",
            zh_hans="评议对您的提名，组织评审，并在您获奖时公布奖项并颁发证书。",
            es="Estudiar su nominación, someterla a evaluación y, si resulta ganador, publicar y certificar el premio.",
            fr=(
                "Examiner votre nomination, la faire évaluer et, si vous êtes lauréat, publier et certifier la "
                "distinction."
            ),
        ),
        "items": t(
            en="Name, position, organisation, e-mail address and the achievements described in the nomination.",
            ko="이름, 직위, 조직, 이메일 주소, 추천서에 기술된 성과",
            ja="氏名、役職、団体、メールアドレス、および推薦に記載された実績。",
            zh_hans="姓名、职务、机构、电子邮件地址，以及提名中所述的成就。",
            es="Nombre, cargo, organización, dirección de correo electrónico y los logros descritos en la nominación.",
            fr="Nom, fonction, organisation, adresse e-mail et réalisations décrites dans la nomination.",
        ),
        "retention": t(
            en="For the period set for the cycle after it closes; a published award stays published.",
            ko="회차 종료 후 해당 회차에 정해진 기간 동안 보유합니다. 게시된 수상 내역은 계속 게시됩니다.",
            ja="開催回の終了後、その開催回について定められた期間保存します。公表された受賞は引き続き公開されます。",
            zh_hans="在该届结束后，按为该届设定的期限保存；已公布的奖项将继续保持公布。",
            es="Durante el plazo fijado para la edición, tras su cierre; un premio publicado permanece publicado.",
            fr="Pendant la durée fixée pour l’édition, après sa clôture ; une distinction publiée reste publiée.",
        ),
        "refusal": t(
            en="You may refuse, but then the nomination cannot go ahead.",
            ko="동의를 거부할 권리가 있으나, 거부하는 경우 추천 절차를 진행할 수 없습니다.",
            ja="同意を拒否することができますが、その場合は推薦の手続きを進めることができません。",
            zh_hans="您可以拒绝，但拒绝后提名将无法继续进行。",
            es="Puede negarse, pero en ese caso la nominación no podrá seguir adelante.",
            fr="Vous pouvez refuser, mais la nomination ne pourra alors pas être poursuivie.",
        ),
    },
]
