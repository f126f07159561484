# ruff: noqa: RUF001 — Japanese and Chinese full-width punctuation, typographic apostrophes (French).
"""The optional consent items: each may be refused, and withdrawn at any time."""

from typing import Any

from prize_portal.site.seed_text import t

OPTIONAL: list[dict[str, Any]] = [
    {
        "code": "transfer-abroad",
        "required": False,
        "roles": ["applicant", "collaborator", "nominee"],
        "title": t(
            en="Committee members outside Korea may read your entry",
            ko="국외에 있는 위원회 위원의 응모작 열람(개인정보 국외 이전)",
            ja="韓国国外の委員が応募案件を閲覧する場合があります",
            zh_hans="韩国境外的委员会成员可阅读您的参评项目",
            es="Los miembros del comité que se encuentran fuera de Corea podrán leer su candidatura",
            fr="Des membres du comité situés hors de Corée peuvent lire votre candidature",
        ),
        "summary": t(
            en="The advisory committee is international: members in other countries read the entries assigned to them.",
            ko="자문위원회는 국제 위원회로, 다른 국가에 있는 위원도 자신에게 배정된 응모작을 열람합니다.",
            ja="諮問委員会は国際的な委員会であり、他国の委員も自身に割り当てられた応募案件を閲覧します。",
            zh_hans="咨询委员会是国际性的：其他国家的成员会阅读分配给他们的参评项目。",
            es=(
                "El comité asesor es internacional: sus miembros en otros países leen las candidaturas que se les "
                "asignan."
            ),
            fr=(
                "Le comité consultatif est international : ses membres établis dans d’autres pays lisent les "
                "candidatures qui leur sont attribuées."
            ),
        ),
        "purpose": t(
            en="To have your entry judged by the whole international committee, not only by members in Korea.",
            ko="국내 위원만이 아닌 국제 위원회 전체의 응모작 심사",
            ja="韓国国内の委員だけでなく、国際的な委員会全体で応募案件を審査するため。",
            zh_hans="让整个国际委员会（而不仅是韩国境内的成员）评审您的参评项目。",
            es=(
                "Que su candidatura sea evaluada por todo el comité internacional, y no solo por los miembros que se "
                "encuentran en Corea."
            ),
            fr=(
                "Faire évaluer votre candidature par l’ensemble du comité international, et pas seulement par les "
                "membres se trouvant en Corée."
            ),
        ),
        "items": t(
            en="Your entry, with the names and contact details in it.",
            ko="응모작 및 응모작에 포함된 이름과 연락처",
            ja="応募案件（記載された氏名と連絡先を含む）。",
            zh_hans="您的参评项目，包括其中的姓名和联系方式。",
            es="Su candidatura, con los nombres y datos de contacto que contiene.",
            fr="Votre candidature, avec les noms et coordonnées qu’elle contient.",
        ),
        "retention": t(
            en="Committee members read entries on the portal only and keep no copies after the round.",
            ko="위원회 위원은 포털에서만 응모작을 열람하며, 심사 라운드가 끝난 후에는 사본을 보관하지 않습니다.",
            ja="委員は応募案件をポータル上でのみ閲覧し、審査ラウンドの終了後に控えを保管することはありません。",
            zh_hans="委员会成员仅在门户网站上阅读参评项目，评审轮次结束后不保留任何副本。",
            es=(
                "Los miembros del comité leen las candidaturas únicamente en el portal y no conservan copias después "
                "de la ronda."
            ),
            fr=(
                "Les membres du comité ne lisent les candidatures que sur le portail et n’en conservent aucune copie "
                "après le tour."
            ),
        ),
        "refusal": t(
            en=(
                "You may refuse: only committee members in Korea will then read your entry. Its judging is otherwise "
                "the same."
            ),
            ko=(
                "동의를 거부할 수 있습니다. 이 경우 국내 위원회 위원만 귀하의 응모작을 열람하며, 그 밖의 심사는 "
                "동일합니다."
            ),
            ja=(
                "同意を拒否することができます。その場合、応募案件を閲覧するのは韓国国内の委員のみとなります。"
                "それ以外の審査は同じです。"
            ),
            zh_hans="您可以拒绝：届时只有韩国境内的委员会成员会阅读您的参评项目。除此之外，评审方式不变。",
            es=(
                "Puede negarse: en ese caso, solo los miembros del comité que se encuentran en Corea leerán su "
                "candidatura. Por lo demás, su evaluación será la misma."
            ),
            fr=(
                "Vous pouvez refuser : seuls les membres du comité se trouvant en Corée liront alors votre "
                "candidature. Son évaluation reste par ailleurs la même."
            ),
        ),
    },
    {
        "code": "training-provider",
        "required": False,
        "roles": ["applicant", "collaborator", "delegate", "nominee"],
        "title": t(
            en="Share your contact with the training course provider",
            ko="연수 과정 운영 기관에 연락처 제공(개인정보 제3자 제공)",
            ja="研修プログラム実施機関への連絡先の提供",
            zh_hans="向培训课程提供方分享您的联系方式",
            es="Comunicar sus datos de contacto al proveedor del curso de formación",
            fr="Transmettre vos coordonnées à l’organisme de formation",
        ),
        "summary": t(
            en=(
                "If your city wins, the Seoul Human Resources Development Center may invite its officials to the Smart "
                "City Seoul training course."
            ),
            ko=(
                "귀하의 도시가 수상하면 서울시 인재개발원이 해당 도시의 공무원을 스마트시티 서울 연수 과정에 초청할 수 "
                "있습니다."
            ),
            ja=(
                "ご所属の都市が受賞した場合、ソウル市人材開発院がその都市の職員をスマートシティ・ソウル研修プログラムに"
                "招待することがあります。"
            ),
            zh_hans="如您所在城市获奖，首尔市人才开发院可能邀请该市官员参加“智慧城市首尔”培训课程。",
            es=(
                "Si su ciudad resulta ganadora, el Centro de Desarrollo de Recursos Humanos de Seúl podrá invitar al "
                "personal de la ciudad al curso de formación Smart City Seoul."
            ),
            fr=(
                "Si votre ville est lauréate, le Centre de développement des ressources humaines de Séoul peut inviter "
                "ses agents à la formation Smart City Seoul."
            ),
        ),
        "purpose": t(
            en="To invite officials of winning cities to the training course in Seoul.",
            ko="수상 도시 공무원의 서울 연수 과정 초청",
            ja="受賞都市の職員をソウルでの研修プログラムに招待するため。",
            zh_hans="邀请获奖城市的官员参加在首尔举办的培训课程。",
            es="Invitar al personal de las ciudades ganadoras al curso de formación en Seúl.",
            fr="Inviter les agents des villes lauréates à la formation à Séoul.",
        ),
        "items": t(
            en="Name, position, organisation, e-mail address and country.",
            ko="이름, 직위, 조직, 이메일 주소, 국가",
            ja="氏名、役職、団体、メールアドレス、国。",
            zh_hans="姓名、职务、机构、电子邮件地址和国家。",
            es="Nombre, cargo, organización, dirección de correo electrónico y país.",
            fr="Nom, fonction, organisation, adresse e-mail et pays.",
        ),
        "retention": t(
            en="The provider keeps them until the end of the course they are invited to.",
            ko="운영 기관은 초청된 연수 과정이 끝날 때까지 보유합니다.",
            ja="実施機関は、招待された研修プログラムの終了まで保存します。",
            zh_hans="提供方将保存至受邀参加的培训课程结束。",
            es="El proveedor los conserva hasta el final del curso al que se haya invitado a esas personas.",
            fr=(
                "L’organisme les conserve jusqu’à la fin de la formation à laquelle les personnes concernées sont "
                "invitées."
            ),
        ),
        "refusal": t(
            en="You may refuse: you will not be invited to the course through the portal. Nothing else changes.",
            ko=(
                "동의를 거부할 수 있습니다. 이 경우 포털을 통해 연수 과정에 초청되지 않으며, 그 밖에 달라지는 것은 "
                "없습니다."
            ),
            ja=(
                "同意を拒否することができます。その場合、ポータルを通じて研修プログラムに招待されることはありません。"
                "それ以外は何も変わりません。"
            ),
            zh_hans="您可以拒绝：您将不会通过门户网站受邀参加该课程。其他一切不变。",
            es="Puede negarse: no se le invitará al curso a través del portal. Nada más cambia.",
            fr=(
                "Vous pouvez refuser : vous ne serez pas invité à la formation par l’intermédiaire du portail. Rien "
                "d’autre ne change."
            ),
        ),
    },
    {
        "code": "delegate-needs",
        "required": False,
        "roles": ["delegate"],
        "title": t(
            en="Keep your access and dietary needs for the event",
            ko="행사 참석을 위한 접근성 및 식이 요구 사항 보관(민감정보 처리)",
            ja="イベントのためのアクセシビリティと食事に関するご要望の保存",
            zh_hans="为活动保存您的无障碍及饮食需求",
            es="Conservar sus necesidades de accesibilidad y de alimentación para el evento",
            fr="Conserver vos besoins d’accessibilité et d’alimentation pour l’événement",
        ),
        "summary": t(
            en="So that the venue, the seating and the meals in Seoul suit you.",
            ko="서울 행사장, 좌석, 식사를 귀하에게 맞추기 위해 필요합니다.",
            ja="ソウルでの会場、座席、食事をご要望に合わせるためです。",
            zh_hans="以便首尔的场地、座位和餐饮适合您。",
            es="Para que el lugar, los asientos y las comidas en Seúl se adapten a usted.",
            fr="Pour que le lieu, les places et les repas à Séoul vous conviennent.",
        ),
        "purpose": t(
            en="To arrange access, seating and meals for you at the event.",
            ko="행사에서 귀하의 접근성, 좌석, 식사를 준비하기 위함",
            ja="イベントでのアクセス、座席、食事を手配するため。",
            zh_hans="为您在活动中安排无障碍通道、座位和餐饮。",
            es="Organizar el acceso, los asientos y las comidas para usted en el evento.",
            fr="Organiser votre accès, votre place et vos repas pendant l’événement.",
        ),
        "items": t(
            en="The needs you describe, which may reveal health or religious information.",
            ko="귀하가 기재하는 요구 사항(건강 또는 종교에 관한 정보가 포함될 수 있음)",
            ja="ご記入いただくご要望（健康や宗教に関する情報が含まれる場合があります）。",
            zh_hans="您所描述的需求，其中可能包含健康或宗教信息。",
            es="Las necesidades que describa, que pueden revelar información sobre su salud o su religión.",
            fr=(
                "Les besoins que vous décrivez, qui peuvent révéler des informations sur votre santé ou votre religion."
            ),
        ),
        "retention": t(
            en="Until the end of the event; then they are deleted.",
            ko="행사 종료 시까지 보유하며, 이후 삭제합니다.",
            ja="イベント終了まで保存し、その後削除します。",
            zh_hans="保存至活动结束，之后予以删除。",
            es="Hasta el final del evento; después se eliminan.",
            fr="Jusqu’à la fin de l’événement ; elles sont ensuite supprimées.",
        ),
        "refusal": t(
            en="You may refuse or withdraw at any time: your needs are then deleted. You can still attend.",
            ko=(
                "언제든지 동의를 거부하거나 철회할 수 있으며, 이 경우 요구 사항은 삭제됩니다. 행사에는 그대로 "
                "참석할 수 있습니다."
            ),
            ja=(
                "いつでも同意を拒否または撤回できます。その場合、ご要望は削除されます。イベントには引き続き参加"
                "できます。"
            ),
            zh_hans="您可以随时拒绝或撤回同意：届时您的需求将被删除。您仍可参加活动。",
            es=(
                "Puede negarse o retirar su consentimiento en cualquier momento: sus necesidades se eliminan. Puede "
                "asistir igualmente."
            ),
            fr=(
                "Vous pouvez refuser ou retirer votre accord à tout moment : vos besoins sont alors supprimés. Vous "
                "pouvez tout de même participer."
            ),
        ),
    },
    {
        "code": "reminder-emails",
        "required": False,
        "roles": ["applicant", "collaborator", "judge"],
        "title": t(
            en="Reminder e-mails",
            ko="알림 이메일",
            ja="リマインダーメール",
            zh_hans="提醒邮件",
            es="Correos electrónicos de recordatorio",
            fr="E-mails de rappel",
        ),
        "summary": t(
            en="Reminders before deadlines. E-mails about your account, receipts and results are always sent.",
            ko="마감 전에 알림을 보내 드립니다. 계정, 접수 확인, 결과에 관한 이메일은 항상 발송됩니다.",
            ja="締切前にリマインダーをお送りします。アカウント、受付確認、結果に関するメールは常に送信されます。",
            zh_hans="截止前的提醒。有关您的账户、回执和结果的邮件将始终发送。",
            es=(
                "Recordatorios antes de los plazos. Los correos electrónicos sobre su cuenta, los acuses de recibo y "
                "los resultados se envían siempre."
            ),
            fr=(
                "Des rappels avant les dates limites. Les e-mails concernant votre compte, les accusés de réception et "
                "les résultats sont toujours envoyés."
            ),
        ),
        "purpose": t(
            en="To remind you of deadlines for your entries or your reviews.",
            ko="응모작 또는 평가 마감 알림",
            ja="応募案件または評価の締切をお知らせするため。",
            zh_hans="提醒您参评项目或评审的截止时间。",
            es="Recordarle los plazos de sus candidaturas o de sus evaluaciones.",
            fr="Vous rappeler les dates limites de vos candidatures ou de vos évaluations.",
        ),
        "items": t(
            en="Name, e-mail address and preferred language.",
            ko="이름, 이메일 주소, 선호 언어",
            ja="氏名、メールアドレス、使用言語。",
            zh_hans="姓名、电子邮件地址和首选语言。",
            es="Nombre, dirección de correo electrónico e idioma preferido.",
            fr="Nom, adresse e-mail et langue préférée.",
        ),
        "retention": t(
            en="Until you withdraw this consent; copies of the e-mails are deleted after 90 days.",
            ko="이 동의를 철회할 때까지 보유합니다. 이메일 사본은 90일 후 삭제합니다.",
            ja="この同意を撤回するまで保存します。メールの控えは90日後に削除されます。",
            zh_hans="保存至您撤回此同意；邮件副本在90天后删除。",
            es=(
                "Hasta que retire este consentimiento; las copias de los correos electrónicos se suprimen a los 90 "
                "días."
            ),
            fr="Jusqu’au retrait de ce consentement ; les copies des e-mails sont supprimées au bout de 90 jours.",
        ),
        "refusal": t(
            en="You may refuse or stop at any time, also from the link in each reminder.",
            ko=(
                "동의를 거부하거나 언제든지 수신을 중지할 수 있으며, 각 알림 이메일의 링크를 통해서도 중지할 수 "
                "있습니다."
            ),
            ja="同意を拒否することも、いつでも配信を停止することもできます。各リマインダーのリンクからも停止できます。",
            zh_hans="您可以拒绝，也可以随时停止接收，包括通过每封提醒邮件中的链接。",
            es="Puede negarse o darse de baja en cualquier momento, también desde el enlace de cada recordatorio.",
            fr="Vous pouvez refuser ou arrêter à tout moment, y compris depuis le lien figurant dans chaque rappel.",
        ),
    },
    {
        "code": "judge-profile",
        "required": False,
        "roles": ["judge"],
        "title": t(
            en="Publish your profile on the committee page",
            ko="위원회 페이지에 프로필 게시",
            ja="委員会ページへのプロフィールの掲載",
            zh_hans="在委员会页面公开您的个人资料",
            es="Publicar su perfil en la página del comité",
            fr="Publier votre profil sur la page du comité",
        ),
        "summary": t(
            en="Your name, photo, position and short biography on the public page of the advisory committee.",
            ko="자문위원회 공개 페이지에 귀하의 이름, 사진, 직위, 약력을 게시합니다.",
            ja="諮問委員会の公開ページに、氏名、写真、役職、略歴を掲載します。",
            zh_hans="在咨询委员会的公开页面上展示您的姓名、照片、职务和个人简介。",
            es="Su nombre, foto, cargo y biografía breve en la página pública del comité asesor.",
            fr=(
                "Votre nom, votre photo, votre fonction et une courte biographie sur la page publique du comité "
                "consultatif."
            ),
        ),
        "purpose": t(
            en="To show applicants and the public who judges the prize.",
            ko="신청자와 일반인에게 상을 심사하는 사람 소개",
            ja="応募者と一般の方々に、賞の審査を担う者を示すため。",
            zh_hans="向申请者和公众展示由谁评审本奖项。",
            es="Mostrar a los solicitantes y al público quién evalúa el premio.",
            fr="Montrer aux candidats et au public qui évalue le prix.",
        ),
        "items": t(
            en="Name, photo, position, organisation, country and biography.",
            ko="이름, 사진, 직위, 조직, 국가, 약력",
            ja="氏名、写真、役職、団体、国、略歴。",
            zh_hans="姓名、照片、职务、机构、国家和个人简介。",
            es="Nombre, foto, cargo, organización, país y biografía.",
            fr="Nom, photo, fonction, organisation, pays et biographie.",
        ),
        "retention": t(
            en="While you serve on the committee; withdrawing removes it from the page at once.",
            ko="위원회 위원으로 활동하는 동안 보유합니다. 동의를 철회하면 즉시 페이지에서 삭제됩니다.",
            ja="委員会の委員を務めている間保存します。同意を撤回すると、直ちにページから削除されます。",
            zh_hans="在您担任委员会成员期间；撤回同意后，将立即从页面上移除。",
            es=(
                "Mientras forme parte del comité; si retira su consentimiento, su perfil se elimina de la página de "
                "inmediato."
            ),
            fr=(
                "Tant que vous siégez au comité ; retirer votre consentement retire immédiatement votre profil de la "
                "page."
            ),
        ),
        "refusal": t(
            en="You may refuse: your judging is the same, and the page then does not show you.",
            ko="동의를 거부할 수 있습니다. 이 경우에도 심사 업무는 동일하며, 페이지에 귀하가 표시되지 않습니다.",
            ja="同意を拒否することができます。審査への関わりは同じで、ページにはあなたは表示されません。",
            zh_hans="您可以拒绝：您的评审工作不受影响，页面上也不会显示您。",
            es="Puede negarse: su labor de evaluación no cambia, y usted no aparecerá en la página.",
            fr=(
                "Vous pouvez refuser : votre rôle dans l’évaluation reste le même, et vous n’apparaissez alors pas sur "
                "la page."
            ),
        ),
    },
]
