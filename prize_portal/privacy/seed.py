# ruff: noqa: RUF001 — Japanese and Chinese full-width punctuation, typographic apostrophes (French).
"""The first privacy notice and consent items, in the site's six languages.

``texts_seed()`` (prize_portal/privacy/services/texts.py) publishes each of
them when its code has no version yet; from then on staff edit them in
admin, as new versions, and the seed never touches them again. The retention
periods they state (90 days for copies of sent e-mails, 30 days for backups,
30 days after the event for passport details) are the portal's defaults.

A body is laid out as the notice shows it: a line starting with "## " is a
heading, lines starting with "- " are list items, and a blank line separates
paragraphs. A backslash at the end of a source line only continues the same
line of text (a paragraph or list item is one line).
"""

from typing import Any

from prize_portal.site.seed_text import t

NOTICE: dict[str, Any] = {
    "code": "privacy-notice",
    "title": t(
        en="Privacy notice",
        ko="개인정보 처리방침",
        ja="プライバシーポリシー",
        zh_hans="隐私政策",
        es="Política de privacidad",
        fr="Politique de confidentialité",
    ),
    "summary": t(
        en=(
            "How the Seoul Smart City Prize portal uses the personal data of applicants, collaborators, judges, "
            "delegates and nominees, for how long, with whom it is shared, and your rights."
        ),
        ko=(
            "서울스마트시티상 포털이 신청자, 공동 작업자, 심사위원, 행사 참가 대표, 추천 후보자의 개인정보를 어떻게 "
            "이용하고, 얼마 동안 보유하며, 누구와 공유하는지, 그리고 귀하의 권리를 안내합니다."
        ),
        ja=(
            "ソウルスマートシティ賞のポータルが、応募者、共同編集者、審査委員、イベント参加代表者、"
            "被推薦者の個人情報をどのように利用し、どのくらいの期間保存し、誰と共有するか、またご本人の権利について説明"
            "します。"
        ),
        zh_hans=(
            "首尔智慧城市奖门户网站如何使用申请者、协作者、评审委员、活动代表和被提名人的个人信息，保存多长时间，"
            "与谁共享，以及您享有的权利。"
        ),
        es=(
            "Cómo utiliza el portal del Premio Ciudad Inteligente de Seúl los datos personales de solicitantes, "
            "colaboradores, miembros del jurado, delegados y personas nominadas, durante cuánto tiempo los conserva, "
            "con quién los comparte y cuáles son sus derechos."
        ),
        fr=(
            "Comment le portail du Prix Seoul Smart City utilise les données personnelles des candidats, des "
            "collaborateurs, des membres du jury, des délégués et des personnes nominées, combien de temps il les "
            "conserve, avec qui il les partage, et quels sont vos droits."
        ),
    ),
    "contact_name": t(
        en="Privacy officer, Seoul Smart City Prize secretariat (WeGO)",
        ko="개인정보 보호책임자, 서울스마트시티상 사무국(WeGO)",
        ja="ソウルスマートシティ賞事務局（WeGO）個人情報保護責任者",
        zh_hans="首尔智慧城市奖秘书处（WeGO）个人信息保护负责人",
        es="Delegado de protección de datos, secretaría del Premio Ciudad Inteligente de Seúl (WeGO)",
        fr="Délégué à la protection des données, secrétariat du Prix Seoul Smart City (WeGO)",
    ),
    "body": t(
        en="""## Who is responsible
The Seoul Smart City Prize is awarded by the Seoul Metropolitan Government with WeGO, the World Smart Sustainable \
Cities Organization, which runs the secretariat and this portal. Together they decide why and how your personal data \
is used. You can reach the privacy officer at the address shown on this page.

## What we collect
- Your account: name, e-mail address, preferred language, organisation, country and password (stored only as a one-way \
hash).
- Your entries: the answers, files and contacts you submit, and the names and e-mail addresses of the collaborators \
you invite.
- If you judge: your profile, declarations of conflicts of interest, scores and comments.
- If you come to the event in Seoul: the delegate details you give (name, position, passport details for an invitation \
letter).
- Technical records: sign-in times, the audit trail of changes, and e-mails we have sent you.

## Why we use it
- To run the prize: receive and check entries, have the advisory committee judge them, announce and publish the \
winners, issue certificates and organise the event. This is needed to take part.
- Only with your separate consent: sending reminder e-mails, publishing a judge's profile, sharing winners' contacts \
with the training course provider, and letting committee members outside Korea read your entry.

## Who sees it
- The secretariat at WeGO and the Seoul Metropolitan Government.
- The committee members assigned to an entry read it; some of them work outside Korea.
- The public sees only what is published: the winners, their entries' summaries and the profiles of judges who agreed.
- With your consent, the Seoul Human Resources Development Center, which runs the training course for officials of \
winning cities.
- Our hosting and e-mail providers process data for us under contract and for no other purpose.

## How long we keep it
Personal data of a cycle is kept for the period the secretariat sets for that cycle after it closes, and then deleted \
or anonymised. A published award stays published, as a public record. Copies of sent e-mails are deleted after 90 \
days. Backups keep deleted data for up to 30 days before they are overwritten.

## Your rights
You can see and download the data the portal holds about you, correct it on your profile, withdraw an optional consent \
at any time on the privacy page, ask us to stop processing it, and ask for your account to be deleted. Refusing or \
withdrawing an optional consent never affects your entry or its judging. You can also complain to the Personal \
Information Protection Commission of Korea or to the data protection authority of your country.

## Cookies
The portal uses only the cookies it needs: your session, your language and protection against forged requests. There \
are no advertising or tracking cookies.

## Changes
When this notice changes, it gets a new version and date, and you are asked to read it again when you next sign in.""",
        ko="""## 개인정보 처리 책임 기관
서울스마트시티상은 서울특별시가 세계스마트지속가능도시기구(WeGO)와 함께 수여하며, WeGO는 사무국과 이 포털을 \
운영합니다. 두 기관은 귀하의 개인정보를 이용하는 목적과 방법을 공동으로 결정합니다. 개인정보 보호책임자에게는 이 \
페이지에 표시된 주소로 연락하실 수 있습니다.

## 수집 항목
- 계정: 이름, 이메일 주소, 선호 언어, 조직, 국가, 비밀번호(일방향 해시로만 저장)
- 응모작: 귀하가 제출하는 답변, 파일 및 연락처, 귀하가 초대하는 공동 작업자의 이름과 이메일 주소
- 심사위원인 경우: 프로필, 이해충돌 신고 내용, 점수 및 의견
- 서울에서 열리는 행사에 참석하는 경우: 귀하가 제공하는 참가 대표 정보(이름, 직위, 초청장 발급을 위한 여권 정보)
- 기술 기록: 로그인 시각, 변경 사항에 대한 감사 기록, 귀하에게 발송한 이메일

## 수집·이용 목적
- 상의 운영: 응모작을 접수·확인하고, 자문위원회가 심사하며, 수상자를 발표·게시하고, 증서를 발급하고, 행사를 \
개최합니다. 이는 참여에 필요한 처리입니다.
- 귀하가 별도로 동의한 경우에만: 알림 이메일 발송, 심사위원 프로필 게시, 연수 과정 운영 기관에 대한 수상자 연락처 \
제공, 국외에 있는 위원회 위원의 응모작 열람

## 개인정보를 열람·제공받는 자
- WeGO 사무국과 서울특별시가 열람합니다.
- 응모작에 배정된 위원회 위원이 해당 응모작을 열람하며, 이 중 일부는 국외에서 활동합니다(국외 이전).
- 일반에는 게시된 내용, 즉 수상자, 수상자 응모작의 요약, 동의한 심사위원의 프로필만 공개됩니다.
- 귀하가 동의한 경우, 수상 도시 공무원을 위한 연수 과정을 운영하는 서울시 인재개발원에 제공합니다(제3자 제공).
- 호스팅 및 이메일 서비스 제공업체는 계약에 따라 당사를 대신하여 개인정보를 처리하며(처리 위탁), 그 밖의 목적으로는 \
처리하지 않습니다.

## 보유 및 이용 기간
각 회차의 개인정보는 회차 종료 후 사무국이 해당 회차에 대해 정한 기간 동안 보유한 뒤 파기하거나 익명처리합니다. 게시된 \
수상 내역은 공개 기록으로서 계속 게시됩니다. 발송한 이메일의 사본은 90일 후 삭제합니다. 백업에는 삭제된 데이터가 \
덮어쓰기 전까지 최대 30일 동안 남아 있습니다.

## 정보주체의 권리
귀하는 포털이 보유한 본인의 개인정보를 열람하고 내려받을 수 있으며, 프로필에서 정정하고, 개인정보 보호 페이지에서 선택 \
동의를 언제든지 철회하고, 처리 정지를 요구하고, 계정 삭제를 요구할 수 있습니다. 선택 동의를 거부하거나 철회하더라도 \
귀하의 응모작이나 그 심사에는 어떠한 영향도 없습니다. 또한 대한민국 개인정보보호위원회 또는 귀하 국가의 개인정보 보호 \
감독기관에 민원을 제기할 수 있습니다.

## 쿠키
포털은 필요한 쿠키만 사용합니다. 세션, 언어 설정, 위조 요청 방지를 위한 쿠키입니다. 광고 쿠키나 추적 쿠키는 사용하지 \
않습니다.

## 개인정보 처리방침의 변경
이 처리방침이 변경되면 새 버전과 날짜가 부여되며, 다음에 로그인할 때 다시 읽어 보시도록 요청합니다.""",
        ja="""## 個人情報の取扱いの責任者
ソウルスマートシティ賞は、ソウル特別市が世界スマートシティ機構（WeGO）と共に授与するもので、WeGOが事務局と本ポータルを\
運営しています。両者は共同で、個人情報を利用する目的と方法を決定します。個人情報保護責任者には、このページに記載されて\
いるアドレスからご連絡いただけます。

## 収集する情報
- アカウント：氏名、メールアドレス、使用言語、団体、国、パスワード（一方向ハッシュとしてのみ保存）。
- 応募案件：ご提出いただく回答、ファイル、連絡先、およびご自身が招待する共同編集者の氏名とメールアドレス。
- 審査委員の場合：プロフィール、利益相反の申告、点数、コメント。
- ソウルでのイベントに参加する場合：ご提供いただく参加代表者の情報（氏名、役職、招待状のためのパスポート情報）。
- 技術的な記録：ログイン日時、変更の監査ログ、お送りしたメール。

## 利用目的
- 賞の運営：応募案件の受付と確認、諮問委員会による審査、受賞者の発表と公開、証書の発行、イベントの開催。\
これらは参加に必要です。
- 別途同意いただいた場合のみ：リマインダーメールの送信、審査委員プロフィールの公開、研修プログラム実施機関への受賞者の\
連絡先の提供、韓国国外の委員による応募案件の閲覧。

## 情報を閲覧する者
- WeGOの事務局およびソウル特別市。
- 応募案件に割り当てられた委員が閲覧します。その一部は韓国国外で活動しています。
- 一般に公開されるのは公表された情報のみです：受賞者、その応募案件の概要、および同意した審査委員のプロフィール。
- ご同意いただいた場合、受賞都市の職員向け研修プログラムを実施するソウル市人材開発院。
- ホスティング事業者およびメール配信事業者は、契約に基づき当方のためにデータを処理し、それ以外の目的には使用しません。

## 保存期間
各開催回の個人情報は、開催回の終了後、事務局がその開催回について定めた期間保存され、その後削除または匿名化されます。\
公表された受賞は、公的な記録として引き続き公開されます。送信済みメールの控えは90日後に削除されます。バックアップには、\
上書きされるまで最大30日間、削除済みのデータが残ります。

## ご本人の権利
ポータルが保有するご自身のデータの閲覧とダウンロード、プロフィールでの訂正、プライバシーページでの任意の同意の撤回（い\
つでも可能）、処理の停止の請求、およびアカウントの削除の請求ができます。任意の同意を拒否または撤回しても、\
応募案件やその審査に影響することは一切ありません。また、韓国の個人情報保護委員会、またはご自身の国のデータ保護機関に苦\
情を申し立てることもできます。

## Cookie
本ポータルは必要なCookieのみを使用します：セッション、言語、および偽造リクエストからの保護のためのものです。\
広告やトラッキングのためのCookieはありません。

## 変更
本ポリシーが変更された場合は、新しいバージョンと日付が付され、次回ログイン時に改めてお読みいただくようお願いします。""",
        zh_hans="""## 责任方
首尔智慧城市奖由首尔特别市政府与世界智慧可持续城市组织（WeGO）共同颁发，WeGO负责运营秘书处和本门户网站。\
双方共同决定使用您个人信息的目的和方式。您可以通过本页所示的地址联系个人信息保护负责人。

## 我们收集的信息
- 您的账户：姓名、电子邮件地址、首选语言、机构、国家和密码（仅以单向哈希值存储）。
- 您的参评项目：您提交的答复、文件和联系人，以及您邀请的协作者的姓名和电子邮件地址。
- 如您担任评审委员：您的个人资料、利益冲突声明、评分和意见。
- 如您前来首尔参加活动：您提供的代表信息（姓名、职务，以及用于邀请函的护照信息）。
- 技术记录：登录时间、更改的审计日志，以及我们发送给您的电子邮件。

## 使用目的
- 运营本奖项：接收和审核参评项目，由咨询委员会进行评审，宣布并公布获奖者，颁发证书，以及组织活动。这是参与所必需的。
- 仅在您另行同意的情况下：发送提醒邮件，公开评审委员的个人资料，向培训课程提供方分享获奖者的联系方式，\
以及允许韩国境外的委员会成员阅读您的参评项目。

## 谁可以查看
- WeGO秘书处和首尔特别市政府。
- 被分配到某一参评项目的委员会成员会阅读该项目，其中部分成员在韩国境外工作。
- 公众只能看到已公布的内容：获奖者、其参评项目的摘要，以及同意公开的评审委员的个人资料。
- 经您同意，为获奖城市官员开设培训课程的首尔市人才开发院。
- 我们的托管服务和电子邮件服务提供商根据合同代表我们处理数据，不用于任何其他目的。

## 保存期限
每届的个人信息在该届结束后，按秘书处为该届设定的期限保存，随后予以删除或匿名化。已公布的奖项作为公开记录继续保持公布。\
已发送电子邮件的副本在90天后删除。备份中已删除的数据最多保留30天，之后将被覆盖。

## 您的权利
您可以查看和下载门户网站持有的关于您的数据，在个人资料中更正数据，随时在隐私页面撤回可选同意，要求我们停止处理，\
以及要求删除您的账户。拒绝或撤回可选同意绝不会影响您的参评项目或其评审。您还可以向韩国个人信息保护委员会或您所在国家的\
数据保护机构投诉。

## Cookie
本门户网站仅使用必要的Cookie：会话、语言以及防范伪造请求。不使用任何广告或跟踪Cookie。

## 变更
本政策变更时，将标注新的版本号和日期，您下次登录时将被请求重新阅读。""",
        es="""## Responsables del tratamiento
El Premio Ciudad Inteligente de Seúl lo otorga el Gobierno Metropolitano de Seúl junto con WeGO (Organización Mundial \
de Ciudades Inteligentes y Sostenibles), que gestiona la secretaría y este portal. Ambos, como corresponsables del \
tratamiento, deciden conjuntamente con qué fines y de qué manera se utilizan sus datos personales. Puede ponerse en \
contacto con el delegado de protección de datos en la dirección que figura en esta página.

## Qué datos recogemos
- Su cuenta: nombre, dirección de correo electrónico, idioma preferido, organización, país y contraseña (almacenada \
únicamente como hash unidireccional).
- Sus candidaturas: las respuestas, los archivos y los contactos que presente, y los nombres y las direcciones de \
correo electrónico de los colaboradores a los que invite.
- Si es miembro del jurado: su perfil, sus declaraciones de conflictos de intereses, sus puntuaciones y sus comentarios.
- Si asiste al evento en Seúl: los datos de delegado que facilite (nombre, cargo y datos del pasaporte para una carta \
de invitación).
- Registros técnicos: las horas de inicio de sesión, el registro de auditoría de los cambios y los correos \
electrónicos que le hemos enviado.

## Para qué los utilizamos
- Para gestionar el premio: recibir y revisar las candidaturas, someterlas a la evaluación del comité asesor, anunciar \
y publicar a los ganadores, expedir los certificados y organizar el evento. Este tratamiento es necesario para \
participar.
- Solo con su consentimiento, otorgado por separado: enviar correos electrónicos de recordatorio, publicar el perfil \
de un miembro del jurado, comunicar los datos de contacto de los ganadores al proveedor del curso de formación y \
permitir que miembros del comité que se encuentran fuera de Corea lean su candidatura.

## Quién accede a sus datos
- La secretaría de WeGO y el Gobierno Metropolitano de Seúl.
- Los miembros del comité asignados a una candidatura la leen; algunos de ellos trabajan fuera de Corea.
- El público solo ve lo que se publica: los ganadores, los resúmenes de sus candidaturas y los perfiles de los \
miembros del jurado que lo hayan aceptado.
- Con su consentimiento, el Centro de Desarrollo de Recursos Humanos de Seúl, que imparte el curso de formación para \
el personal de las ciudades ganadoras.
- Nuestros proveedores de alojamiento web y de correo electrónico tratan los datos por cuenta nuestra, como encargados \
del tratamiento en virtud de un contrato, y no con ningún otro fin.

## Cuánto tiempo los conservamos
Los datos personales de cada edición se conservan, tras su cierre, durante el plazo que la secretaría fije para esa \
edición, y después se suprimen o se anonimizan. Un premio publicado permanece publicado, como registro público. Las \
copias de los correos electrónicos enviados se suprimen a los 90 días. Las copias de seguridad conservan los datos \
suprimidos durante un máximo de 30 días antes de sobrescribirse.

## Sus derechos
Puede consultar y descargar los datos que el portal conserva sobre usted, rectificarlos en su perfil, retirar en \
cualquier momento un consentimiento opcional en la página de privacidad, solicitarnos que dejemos de tratarlos y \
solicitar la supresión de su cuenta. Negarse a dar un consentimiento opcional o retirarlo nunca afecta a su \
candidatura ni a su evaluación. También puede presentar una reclamación ante la Comisión de Protección de la \
Información Personal de Corea o ante la autoridad de protección de datos de su país.

## Cookies
El portal solo utiliza las cookies necesarias: las de sesión, de idioma y de protección frente a solicitudes \
falsificadas. No hay cookies publicitarias ni de seguimiento.

## Cambios
Cuando se modifique esta política, pasará a tener una nueva versión y una nueva fecha, y le pediremos que vuelva a \
leerla la próxima vez que inicie sesión.""",
        fr="""## Responsables du traitement
Le Prix Seoul Smart City est décerné par le Gouvernement métropolitain de Séoul avec WeGO (Organisation mondiale des \
villes intelligentes et durables), qui gère le secrétariat et ce portail. Ensemble, en tant que responsables conjoints \
du traitement, ils déterminent pourquoi et comment vos données personnelles sont utilisées. Vous pouvez joindre le \
délégué à la protection des données à l’adresse indiquée sur cette page.

## Données collectées
- Votre compte : nom, adresse e-mail, langue préférée, organisation, pays et mot de passe (conservé uniquement sous \
forme de hachage irréversible).
- Vos candidatures : les réponses, les fichiers et les contacts que vous soumettez, ainsi que les noms et adresses \
e-mail des collaborateurs que vous invitez.
- Si vous êtes membre du jury : votre profil, vos déclarations de conflits d’intérêts, vos notes et vos commentaires.
- Si vous venez à l’événement à Séoul : les informations de délégué que vous fournissez (nom, fonction, données de \
passeport pour une lettre d’invitation).
- Traces techniques : heures de connexion, journal d’audit des modifications et e-mails que nous vous avons envoyés.

## Finalités du traitement
- Organiser le prix : recevoir et vérifier les candidatures, les faire évaluer par le comité consultatif, annoncer et \
publier les lauréats, délivrer les certificats et organiser l’événement. Ce traitement est nécessaire pour participer.
- Uniquement avec votre consentement distinct : l’envoi d’e-mails de rappel, la publication du profil d’un membre du \
jury, la transmission des coordonnées des lauréats à l’organisme de formation et la lecture de votre candidature par \
des membres du comité situés hors de Corée.

## Qui a accès à vos données
- Le secrétariat de WeGO et le Gouvernement métropolitain de Séoul.
- Les membres du comité affectés à une candidature la lisent ; certains d’entre eux travaillent hors de Corée.
- Le public ne voit que ce qui est publié : les lauréats, les résumés de leurs candidatures et les profils des membres \
du jury qui l’ont accepté.
- Avec votre consentement, le Centre de développement des ressources humaines de Séoul, qui organise la formation \
destinée aux agents des villes lauréates.
- Nos prestataires d’hébergement et d’envoi d’e-mails traitent les données pour notre compte, en vertu d’un contrat, \
et à aucune autre fin.

## Durée de conservation
Les données personnelles d’une édition sont conservées, après sa clôture, pendant la durée fixée par le secrétariat \
pour cette édition, puis supprimées ou anonymisées. Une distinction publiée reste publiée, à titre d’archive publique. \
Les copies des e-mails envoyés sont supprimées au bout de 90 jours. Les sauvegardes conservent les données supprimées \
pendant 30 jours au plus avant d’être écrasées.

## Vos droits
Vous pouvez consulter et télécharger les données que le portail détient à votre sujet, les rectifier dans votre \
profil, retirer à tout moment un consentement facultatif sur la page de confidentialité, nous demander d’en cesser le \
traitement et demander la suppression de votre compte. Refuser ou retirer un consentement facultatif n’a jamais \
d’incidence sur votre candidature ni sur son évaluation. Vous pouvez également introduire une réclamation auprès de la \
Commission de protection des informations personnelles de Corée ou de l’autorité de protection des données de votre \
pays.

## Cookies
Le portail n’utilise que les cookies nécessaires : votre session, votre langue et la protection contre les requêtes \
falsifiées. Il n’y a aucun cookie publicitaire ni de traçage.

## Modifications
Lorsque cette politique change, elle reçoit un nouveau numéro de version et une nouvelle date, et il vous est demandé \
de la relire lors de votre prochaine connexion.""",
    ),
}

ITEMS: list[dict[str, Any]] = [
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
            en="Until the end of the cycle's event; passport details are deleted 30 days after the event.",
            ko="해당 회차의 행사가 끝날 때까지 보유합니다. 여권 정보는 행사 30일 후 삭제합니다.",
            ja="その開催回のイベント終了まで保存します。パスポート情報はイベントの30日後に削除されます。",
            zh_hans="保存至该届活动结束；护照信息在活动结束30天后删除。",
            es=(
                "Hasta el final del evento de la edición; los datos del pasaporte se suprimen 30 días después del "
                "evento."
            ),
            fr=(
                "Jusqu’à la fin de l’événement de l’édition ; les données de passeport sont supprimées 30 jours après "
                "l’événement."
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
