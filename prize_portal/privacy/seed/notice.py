# ruff: noqa: RUF001 — Japanese and Chinese full-width punctuation, typographic apostrophes (French).
"""The first privacy notice (see the package's docstring for the layout of its body)."""

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
