"""Accuracy of `discover` on the labelled corpus, on chdb (current ClickHouse) and a real 18.16 server.

    PYTHONPATH=. .venv/bin/python bench/bench_discover_accuracy.py                 # both engines, every split
    PYTHONPATH=. .venv/bin/python bench/bench_discover_accuracy.py --engines chdb --json out.json

The corpus (``tests/data/discover/``) has forty-four splits generated with different seeds, line
shapes, chat languages and phone regions: ``dev`` (the rules were written against it), then
``holdout``, ``fresh``, ``unseen``, ``novel`` and ``sealed``, each scored only until its mistakes
showed classes that were then fixed, and each written after the previous one's fixes (``sealed`` has
never been used to write a rule), ``blind``, written by a session that did not read the rules,
``veiled``, written after blind's fixes, by a session that did not read the rules either, and
``hidden``, written after veiled's fixes, by a third session that did not read the rules, ``unheard``,
written by a fourth session that did not read the rules, ``untold``, written by a fifth session that did not read
the rules, ``unspoken``, written by a sixth session that did not read the rules, ``unnamed`` and ``unmarked``,
written at the same time by a seventh and an eighth session that did not read the rules (the eighth saw
the patterns of the first eighteen vendor-key detectors in ``chwarden detectors --format json``), and ``unwritten``,
written after their fixes, by a ninth session that did not read the rules, ``unsaid``, written after unwritten,
by a tenth session that did not read the rules, ``unvoiced``, written after unsaid, by an eleventh session
that did not read the rules, ``unsung``, written after unvoiced, by a twelfth session that did not read the rules, and
``unlisted``, written after unsung, by a thirteenth session that did not read the rules (its own HTTP client
dumps, LLM bodies, chat front-end exports, chat markup, languages, phone regions and tables), ``unheeded``, written
after unlisted, by a fourteenth session that did not read the rules (Ktor, dio, LWP, Tesla, httr and Alamofire
dumps, new vendors' keys and LLM bodies, assistant and help-desk exports, eight more chat markups, Kinyarwanda, Tatar,
Quechua, Shona and Dhivehi chat, SOPS and Sealed Secrets negatives, and tables of voice calls, fine-tuning records and
an API key registry), ``unasked``, written after unheeded, by a fifteenth session that did not read the rules
(Haskell http-client, resty, Deno, Swift, PHP var_dump, Finch and Fuel dumps, new vendors' keys and LLM bodies, chat
front-end and help-desk exports, eight more chat markups, Malagasy, Tajik, Sesotho, Wolof and Samoan chat, WebLogic,
Liberty, systemd-creds and age ciphertexts as negatives, and tables of SSO sessions, a model registry and a PBX's call
detail records), ``unbidden``, written after unasked, by a sixteenth session that did not read the rules
(http.client, OpenFeign, hyper, undici, libsoup and HTTP.jl dumps, new vendors' keys and LLM bodies, chat front-end and
help-desk exports, six more chat markups, Lingala, Fijian, Tongan, Kirundi and Tigrinya chat, hiera-eyaml, Key Vault
references and ECS ``valueFrom`` ARNs as negatives, and tables of remittances, KYC reviews and a RAG store's chunks),
``unsought``, written after unbidden, by a seventeenth session that did not read the rules (HTTPie,
Insomnia, Hurl, HttpURLConnection and Bruno dumps, new vendors' keys and LLM bodies, chat front-end and help-desk
exports, six more chat markups, Haitian Creole, Māori, Chichewa, Odia and Kurdish Kurmanji chat, Rundeck ``keys/``
paths, ``${ENV:...}`` and FreeRADIUS expansions as negatives, and tables of insurance claims, telehealth visits and
ride-hailing trips), ``unclaimed``, written after unsought, by an eighteenth session that did not read the
rules (wget, PowerShell, k6, requests-toolbelt, Mojolicious and httr2 dumps, new vendors' keys, JWT issuers and LLM
bodies, chat front-end and help-desk exports, five more chat markups, Setswana, Faroese, Sindhi, Dzongkha and Tok Pisin
chat, card track data and EMV tags, SPD, BezahlCode, QR-bill, UPN and OFX payments, ``file:`` URIs, ``{aes-gcm}`` and
``ENC(...)`` ciphertexts and public client keys as negatives, and tables of a payroll run, a pharmacy's dispensing
log and a hotel's reservations), ``unheralded``, written after unclaimed, by a nineteenth session that did
not read the rules (Postman, Fiddler, tshark, .NET ``HttpRequestMessage``, axios/pino and Go ``%+v`` dumps, new
vendors' keys, JWT issuers and LLM bodies, chat platform and help-desk exports, six more chat markups, Breton, West
Frisian, Corsican, Hawaiian and Guarani chat, ISO 8583 traces and cards joined by zero-width spaces or tabs, UBL,
Factur-X, FatturaPA, Norma 19.14, RIB and Belgian structured-communication payments, Mule ``![...]`` ciphertexts,
Telegraf ``@{...}`` references, SEPA creditor ids and public app ids and keys as negatives, and tables of a carrier's
shipments, a school's enrolments and a veterinary clinic's visits), ``unnoticed``, written after
unheralded, by a twentieth session that did not read the rules (Wazuh, Airbyte, Argo Workflows, Milvus, Velero,
BentoML, Label Studio, Uptime Kuma, Redpanda, cloud-init, Unbound and Portainer lines; Spring ``HttpHeaders``, Excon,
Hoppscotch, Akka HTTP, Jersey, hackney and sttp ``toCurl`` dumps, new vendors' keys, JWT issuers and LLM bodies,
messaging and help-desk exports, six more chat markups, Kalaallisut, Tahitian, Papiamento, Romansh and Sardinian chat,
PNR form-of-payment, SSR CTCE and CTCM elements, cards joined by soft hyphens or word joiners, in full-width digits or
on four lines, pacs.008, MT101, SAP, Xero, Revolut, Airwallex and Stripe Connect payments, eight more hash families,
Airbyte ``**********`` masks, ``op://`` references, RF creditor references, LEIs, ISINs, Swiss metering-point ids,
OBIS codes and EUI-64 addresses as negatives, and tables of an airline's bookings, a clinical trial's visits and an
alpine utility's meter reads), and ``unremarked``, written last, after unnoticed, by a twenty-first session that did
not read the rules (Tyk, Meltano, Pulsar, Kestra, Windmill, Linkerd, Sentry Relay, Redash, Strapi, KEDA, Coolify and
Dokku lines; HTTPoison, http4s, Thunder Client, xh, Dart ``http``, PHP cURL ``print_r`` and Burp "Copy as requests"
dumps, new vendors' keys, JWT issuers and LLM bodies, messaging and help-desk exports, six more chat markups, Bashkir,
Occitan, Yiddish, Scottish Gaelic and Esperanto chat, cards in pairs, spoiler bars, DTMF captures and Lyra, YooKassa
and Checkout.com bodies, pain.001, camt.054, Paysera, Tipalti, Deel, Currencycloud, Rapyd and BCEAO payments, eight
more hash families, Kestra and Windmill secret references, 1C client-bank exports, Russian accounts with their BIK,
INNs, SNILS, UEMOA RIBs, IMSIs, VINs, passport MRZs and STS unlock tokens as negatives, and tables of a car rental's
agreements, a pay-as-you-go solar company's accounts and a visa centre's applications), and ``unforeseen``, written
last, after unremarked, by a twenty-second session that did not read the rules (ZITADEL, Vaultwarden, Kyverno, Falco,
Apache APISIX, KrakenD, Patroni, Meilisearch, n8n, VictoriaMetrics, Headscale and LiveKit lines; JMeter, Gatling,
Charles Proxy, Python ``urllib``, ``curl --libcurl``, ``clj-http`` and VS Code REST Client dumps (the last often with a
``{{variable}}`` for the key), new vendors' keys, JWT issuers and LLM bodies (Azure AI Inference, AI Horde, LangServe,
Gradio, NovelAI, Alexa skills, Lepton AI), Tidio, Re:amaze, HappyFox, Zulip, WhatsApp Cloud API and Kayako
conversations, Command A, BELLE, KoAlpaca, RWKV, Qwen3 and Moondream markup, Manx, Sorani Kurdish, Chuvash, Asturian and
Cebuano chat, phones of the Faroes, Iran, Sudan, Syria, Palestine, Jersey, the Isle of Man and French Guiana (some in
Persian or Arabic-Indic digits), Shetab cards in Persian digits, cards over two lines or in OCPP messages and terminal
logs, pain.008, Bankline, Modulr, Faroese CSV, aid-manifest and Iranian payout IBANs, eight more hash families, n8n and
APISIX secret references, project tokens, public API keys and key ids, Syrian accounts, ISBNs, UPU tracking numbers,
EVSE ids and OCPP idTags as negatives, and tables of a coworking space's memberships, a charging network's sessions and
an aid agency's cash-assistance registrations), and ``unguessed``, written last, after unforeseen, by a twenty-third
session that did not read the rules (Forgejo, PostgREST, EMQX, Kanidm, Promtail, Stalwart, coturn, Traccar, OpenBao,
Paperless-ngx, Inngest and Valkey lines; ``ngrep`` and ``tcpflow`` captures (their private addresses named), ``tshark
-V``, Playwright ``pw:api``, Puppeteer, Swift ``URLRequest`` and Yaak dumps (the last often with a ``${[ VAR ]}`` for
the key), new vendors' keys (Retell, Soniox, LMNT, Murf, Hedra, Meshy, Recraft, Mindee and some thirty more), JWT
issuers (Kling, 100ms, Whereby, Calendly, monday.com, Fitbit, Reddit, Kanidm, Forgejo) and LLM bodies (Chatbase, Dust,
Vellum, Mastra, Langflow, Venice, Parasail), Matrix, Zoho Desk, Trengo, WeChat, Kakao i OpenBuilder and Helpshift
conversations, LLaVA-1.5, LFM2, DeepSeek Coder, StarCoder2-Instruct, SmolLM3 and Synthia markup, Antillean Creole, Low
German, Friulian, Assamese and Bhojpuri chat, phones of Cuba, Åland, Guadeloupe, Martinique, the Central African
Republic, the US Virgin Islands, the Caribbean Netherlands and Niue, cards in ISO 8583 dumps, track 2 data and receipts,
Finnish, Swedish, French and CEMAC IBANs in MT103, camt.053, Finvoice, Swan and pacs.008 bodies, eight families of
password-derived material (NetNTLMv2, AS-REP, PMKID, EMQX, coturn, Traccar, SMF, PunBB), Joomla, Phabricator, Gerrit,
Bugzilla, Trac, Gogs and Focalboard cookies, public keys, access keys and client ids next to their secrets, ICCIDs and
IMEIs (Luhn-valid), RF creditor references (mod-97-valid), Cuban, ABA and New Zealand accounts, ISBNs and UPS tracking
numbers as negatives, and tables of a ferry line's bookings, a dive operator's bookings and a mobile top-up reseller's
orders), and ``unannounced``, written last, after unguessed, by a twenty-fourth session that did not read the rules
(Supabase Auth (GoTrue), Outline, NetBird, Syncthing, AdGuard Home, Zigbee2MQTT, Frigate, ntfy, Vikunja, Wiki.js,
Concourse and Backstage lines; ``mitmdump`` flows and ModSecurity audit log entries (their private addresses named, the
key sometimes sanitised to asterisks), Chrome NetLog events (``authorization`` stripped in the default capture mode),
Firefox ``MOZ_LOG=nsHttp:5``, Apache ``mod_log_forensic``, ``strace`` and BCC ``sslsniff`` dumps, new vendors' keys
(Paystack, Binance, Polygon.io, Finnhub, Spotify, Twitch, Ably, PubNub, VirusTotal, Riot, PlayFab, Stormglass and some
thirty more), JWT issuers (Moralis, TMDB, Apple MapKit JS, a SMART on FHIR client assertion, Atlassian Connect, Unity
Authentication, Nakama, Epic Online Services, DocuSign) and LLM bodies (Glean, Stack AI, CustomGPT.ai, You.com,
Relevance AI, Inworld, kluster.ai), Skype, Tiledesk, Dixa, LiveAgent, Userlike and Papercups conversations, KARAKURI LM,
NexusRaven-V2, Otter, mPLUG-Owl, LongCat-Flash and MiniGPT-4 markup, Scots, Nigerian Pidgin, Jamaican Patois, Maithili
and Tibetan chat, phones of Guernsey, North Korea, Saint Martin, Sint Maarten, the British Virgin Islands, Wallis and
Futuna, Mayotte and the Falklands, cards in EMV TLV dumps, Worldpay cnpAPI XML, Authorize.Net bodies, IVR digit logs,
OCR output and form-encoded bodies, British, French, Falklands and BVI IBANs in EPC QR payloads, Berlin Group PSD2
payments, UK Open Banking consents, MT940 statements, Wise recipients and camt.056 recalls, eight families of
password-derived material (Kerberoasted TGS, NetNTLMv1, SNMPv3, PostgreSQL MD5 challenge-response, MS-CHAPv2, Authlogic,
Jackrabbit, Android PIN), MantisBT, OTRS, Splunk, TeamCity, Nexus, Flarum and Bitbucket Server cookies, publishable
keys, client ids, title ids and key names next to their secrets, Steam IDs and GTIN-13s (some Luhn-valid), MMSIs, ISBT
128 donation numbers, LEIs (mod-97-valid), RIBs, Channel Islands sort codes and North Korean accounts as negatives, and
tables of a marina's berth bookings, a blood service's donations and a game studio's player support tickets),
``unbeknown``, written after unannounced, by a twenty-fifth session that did not read the rules (Netdata, Gatus,
Rspamd, SearXNG, Audiobookshelf, Kavita, Jellyseerr, Mealie, qBittorrent, FreshRSS, ZoneMinder and Calibre-Web lines;
Chrome DevTools Protocol ``Network.requestWillBeSent`` events, Suricata EVE ``http`` events and Caddy access log entries
(their private addresses named, ``Authorization`` logged as ``REDACTED`` by Caddy's default), rest-client, OWASP ZAP,
Vegeta and wrk dumps, new vendors' keys (Duffel, Kiwi.com Tequila, FlightAware AeroAPI, Travelpayouts, aviationstack,
what3words, Tomorrow.io, WooCommerce, Talon.One, Bókun, Vipps MobilePay, Tripletex, Australia Post and some thirty
more), JWT issuers (Mercure, Jitsi as a Service, Metabase embedding, Hasura, Cube, Tinybird, a Box JWT assertion,
Centrifugo, Liveblocks, Zettle) and LLM bodies (Vectara, Pinecone Assistant, Humanloop, Kagi FastGPT, Exa, Writesonic
Chatsonic, Lamini), Facebook Messenger, Amazon Connect, Drift, LINE, Salesforce Messaging and Gladly conversations,
GPT-SW3, DialoGPT, Qwen-VL-Chat, Qwen2-Audio, Granite Code and BitNet markup, Cantonese, Egyptian Arabic, Swiss German,
Mauritian Creole and Sicilian chat, phones of Ascension, Saint Helena, Tristan da Cunha, the Cocos Islands, Christmas
Island, Norfolk Island, Western Sahara and Svalbard, cards in PHP-serialized WooCommerce meta, ``redis-cli MONITOR``
lines, GraphQL variables, fixed-width settlement records, speech-to-text transcripts (digits as words), Moneris XML, URL
paths and Google Pay payloads, Norwegian, Greek, Hungarian and Ukrainian IBANs in NAV Online Számla invoices, Odoo
JSON-RPC calls, EPC Verification of Payee requests, PrivatBank statements, acmt.023 requests and DATEV creditor
records, eight families of password-derived material (IPMI 2.0 RAKP, TACACS+, IKE PSK, VNC, CHAP, SIP digest, DPAPI
master keys, Kerberos AES pre-authentication), UniFi, Plesk, ISPConfig, Checkmk, TYPO3, Kimai and Immich cookies,
access keys, app ids, client ids, request signatures and publishable keys next to their secrets, Norwegian KID
references and retrieval reference numbers (Luhn-valid), IMO numbers, ABNs, Norwegian organisation numbers, Norwegian,
Australian, Hungarian and Saint Helena domestic accounts and the IBAN registry's own examples as negatives, and tables
of an Arctic expedition operator's bookings, a kitesurfing camp's stays and a supply ship's cargo manifests),
``unreported``, written after unbeknown, by a twenty-sixth session that did not read the rules (act_runner,
Semaphore UI, Umami, Baserow, NocoDB, Budibase, Huginn, Cal.com, Flagsmith, GlitchTip, Mautic and Firefly III lines;
the ClickHouse exporter's OpenTelemetry client spans with captured request headers (the instrumentation's sanitize list
shows ``[REDACTED]``), ASP.NET Core ``HttpLoggingMiddleware`` entries (``[Redacted]`` outside its allow-list), Laravel
Telescope ``client_request`` entries (``authorization`` hidden), ``socat -v``, Spring ``CommonsRequestLoggingFilter``,
Chucker and Apache ``mod_dumpio`` dumps (private addresses named), new vendors' keys (Rollbar, Honeybadger, Better
Stack, Cal.com, Permit.io, Polar, Rev.ai, Vast.ai, Cliniko, Medplum, AzuraCast, Givebutter, Kindful, WorldTides, the
Admiralty Tidal API, Flagsmith and some forty more), JWT issuers (iNaturalist, Firefly III personal access tokens,
Vonage Video, Cerebrium, PowerSync, Buy Me a Coffee, Medplum, Baserow, NocoDB, Navidrome, Bluesky sessions) and LLM
bodies (Bland AI, RAGFlow, MaxKB, Cloudflare AutoRAG, Not Diamond, QAnything, Langdock), Nextcloud Talk, RingCentral,
respond.io, Instagram Messaging, Viber bot and Mattermost bulk export conversations, ShieldGemma, WildGuard, xLAM,
SpeechGPT, KULLM v2 and DeepSeek-V2-Chat markup, Latin, Upper Sorbian, Ladino, Seychellois Creole and Bislama chat,
phones of American Samoa, Saint Barthélemy, the Cook Islands, the British Indian Ocean Territory, the Northern Mariana
Islands, Saint Pierre and Miquelon, Tokelau and the Vatican, cards in NMI Direct Post bodies, Elavon Converge XML,
Payline SOAP, Saferpay, Unzer, Bambora and Paysafe bodies and a pledge drive terminal's merchant copy, French, Vatican,
German, Seychelles and Turkish IBANs in Qonto and bunq transfers, Pennylane suppliers, pain.013 requests to pay,
Mangopay and Lemon Way bank accounts, eight families of password-derived material as hashcat's and John's extractors
write it (WPA handshakes, Office 2013, PDF, WinZip AES, RAR5, 7-Zip, KeePass, BitLocker), Huginn, BookStack, Firefly
III, Semaphore, Kanboard, Miniflux and Grocy cookies, Flagsmith client-side keys, Veriff public keys and request
signatures, client ids next to their secrets, Icecast's and Firefly III's documented defaults, SIRETs (Luhn-valid),
ABA routing numbers, New Zealand-format accounts, RIBs, fictional 555 numbers and the IBAN registry's own examples as
negatives, and tables of a whale-watching operator's bookings, a community radio's donors and a remote island clinic's
appointments), ``uncharted``, written after unreported, by a twenty-seventh session that did not read the
rules (Gotenberg, Penpot, HedgeDoc, Healthchecks.io, Typebot, Formbricks, NetBox, Argilla, Karakeep, Tandoor, CapRover
and Unkey lines; Squid ``access.log`` lines with ``log_mime_hdrs``, Traefik JSON access logs (``Authorization``
sometimes ``REDACTED``), Kong ``http-log`` entries (``authorization`` always ``REDACTED``), Elastic APM transactions
(``[REDACTED]`` for sanitized header names), Datadog spans with header tags, ``nghttp -v`` and WireMock request journal
dumps (private addresses named), new vendors' keys (PayMongo, Conekta, Openpay, Asaas, PagBank, Cielo, Paymob, Fawry,
JazzCash, bKash, SSLCommerz, HubSpot, Attio, Knock, Webex, Lark, DingTalk, WeCom, Zalo, X, TikTok, Pinterest and some
thirty more), JWT issuers (Labelbox, Hygraph, WATI, CapRover, Linkwarden, Pusher Beams, Nhost, Privy, Tableau connected
apps, Lightdash) and LLM bodies (PrivateGPT, Perplexica, LightRAG, Cheshire Cat, text-generation-webui, the Poe bot
protocol, Fabric), Webex, Lark, DingTalk, WeCom customer service, Zalo OA and Twist conversations, Hermes 2 Pro,
Prometheus 2, Octopus v2, Mistral v3 tool-calling, Reflection-70B and JudgeLM markup, Sundanese, Ilocano, Twi,
Neapolitan and Luganda chat, phones of the Philippines, Indonesia, Nigeria, Pakistan, Bangladesh, Egypt, Brazil and
Mexico with trunk prefixes in parentheses, extensions, ``tel:``, SIP and ``wa.me`` URIs and split JSON fields, cards of
Elo, Hipercard, Verve and Meeza ranges among others in Cielo, PayMongo, Openpay and Fawry bodies, a quoted-printable
e-mail, a Markdown table and a YAML fixture, Pakistani, Egyptian and Brazilian IBANs in Raast requests, InstaPay
transfers, bulk-payment CSV lines, Nium beneficiaries and Zoho Books vendors, eight families of password-derived
material as hashcat's and John's extractors write it (Ethereum keystores, Electrum, Bitcoin Core wallets, MetaMask,
Bitwarden, Telegram Desktop, iTunes backups, VMware VMX), Bottle, gorilla/sessions, CherryPy, Vert.x, SharePoint
FedAuth, Concrete CMS and October CMS cookies, public keys and merchant ids next to their secrets, Argilla's quickstart
key, order, invoice and waybill numbers grouped like phone numbers, Squid's epoch timestamps, CLABEs, NUBANs, NIKs,
CNICs, CPFs and the IBAN registry's own examples as negatives, and tables of a Cairo wedding venue's bookings, a Lahore
driving school's lessons and a Recife removals company's quotes), ``untrodden``, written after uncharted, by
a twenty-eighth session that did not read the rules (Medusa, Trigger.dev, PocketBase, Saleor, Activepieces, FortiGate,
RStudio Server, Quarkus, Symfony and Azure App Service lines; HAProxy logs with captured request headers,
``varnishlog`` transactions, Newman ``--verbose`` runs, Artillery's ``DEBUG=http`` output and OpenResty error-log header
dumps (``authorization`` sometimes ``***``), new vendors' keys (VNPAY, ZaloPay, Omise, 2C2P, iyzico, PayTR, Craftgate,
Papara, HyperPay, Wompi, ePayco, M-Pesa Daraja, Pesapal, Ozow, eSMS.vn, Unifonic, Taqnyat, Msegat, ThaiBulkSMS,
SMSPortal, Netgsm, LINE, Exa, Trigger.dev, LangWatch, Lunary, ZenRows, Scrapfly, Hyperbrowser, Steel, Ultravox,
Perigon, Pinata, Infura, Storj, Trendyol, Courier, Mux, Pipedream, Activepieces and a few more), JWT issuers (Pesapal,
Pinata, Tamara, Medusa, Saleor, PocketBase, 2C2P payment tokens, Trigger.dev public tokens, Lunary) and LLM bodies
(Quivr, KServe v2 with a ChatML prompt tensor, Cloudflare AI Gateway universal, MindsDB agents, Hugging Face chat-ui),
the KServe Hugging Face runtime's debug log of rendered prompts, Kommo, Help Scout, HubSpot Conversations, Landbot and
Yellow.ai conversations, ChatGLM3, XVERSE, OpenBuddy, Index-1.9B, Baichuan-M1 and Velvet markup, Kikuyu, Dholuo,
Sepedi, Xitsonga and White Hmong chat, phones of Vietnam, Thailand, Turkey, Saudi Arabia, Argentina, Colombia, Kenya
and South Africa in Asterisk ``queue_log`` lines, WhatsApp status webhooks, CDRs, JSON-LD, microdata, ``phone-context``
URIs, forms and SMS gateway CSVs (the Argentine mobile's 15, Vietnamese dots, Thai dashes), cards of Codensa, Tarjeta
Shopping, Tarjeta Nevada, BC Card, Troy and mada ranges in iyzico, Wompi, Omise, HyperPay bodies, a call-centre note
and an SMS, Turkish, Saudi and Emirati IBANs (every registry country having been drawn before) in SARIE and FAST
transfers, a WPS salary file, an e-invoice and a KYB form, ClickHouse ``s3()`` and ``azureBlobStorage()`` calls with
cloud credentials, eight families of password-derived material (Password Safe v3, Firefox key4.db, FileVault 2,
AxCrypt, Android backups, Ansible Vault, MultiBit, Blockchain.com wallets), cookie-session, Quarkus, FortiGate SSL-VPN,
Pulse Secure, App Service authentication, Symfony remember-me and RStudio cookies, Luhn-valid IMEIs and ICCIDs, CBUs,
booking and tracking numbers grouped like phone numbers, ISBNs, EANs, digests, IPFS ids, signatures, public keys and
merchant ids, password policies and reset notices, decorators, package scopes and SSH targets as negatives, and tables
of a Cappadocia balloon operator's flights, a Huila coffee exporter's wholesale orders and a Chiang Mai cooking
school's bookings), ``unvisited``, written after untrodden, by a twenty-ninth session that did not read the
rules (Oban, MLflow, CrewAI, Magento, Cloud Run, Netlify Functions, Dramatiq, Hangfire, Redpanda Connect and Grafana
Alloy lines; AWS API Gateway execution logs (``Authorization`` masked but for its last characters), ``tcpdump -A``,
MockServer, Envoy tap and ``requests_toolbelt`` dumps, new vendors' keys (Nexi XPay, Skebby, Scalapay, Holded, Altiria,
PAYCOMET, Factorial, Signaturit, Przelewy24, PayU, SMSAPI, Allegro, Fakturownia, BaseLinker, Buckaroo, Exact Online,
Moneybird, PostNL, Klarna, Fortnox, Billplz, toyyibPay, senangPay, Razer Merchant Services, EasyParcel, Windcave,
Laybuy, Teamwork, Global Payments, Bandwidth, Mathpix, Twelve Labs, Tavus, AgentOps, Agenta, cognee, Krea, Reducto,
Contextual AI, Inferless, Miro, Coda, lemlist, Instantly, Smartlead, Clearbit, Lusha, Gong, Fathom, Fireflies, Bubble,
Storyblok, Comet), JWT issuers (InPost ShipX, Allegro, bol.com, Fortnox, Klarna client tokens, Payload CMS, Picnic,
Teamleader, Directus) and LLM bodies (Mistral Conversations, MCP ``sampling/createMessage``, A2A ``message/send``,
Vercel AI SDK UI messages, llamafile ``/completion``), a Ray Serve LLM replica's log of rendered prompts, OpenLLMetry
GenAI spans, ragas samples, W&B Weave calls, HelpCrunch and Chatra conversations, Camoscio, Magistral, Teuken,
Qwen2-VL, Gemma 3 and Llama 3.2 Vision markup, Venetian, Aragonese, Kashubian, Limburgish and Iban chat, phones of
Italy, Spain, Poland, the Netherlands, Sweden, Malaysia, New Zealand and Ireland in SIP ``P-Asserted-Identity``
headers, FreeSWITCH CDRs, 3CX call logs, Swish payment requests, DuitNow proxies, LDIF entries, Google People API
contacts and Bizum forms, cards of Visa (V Pay, Cartes Bancaires co-badged), Mastercard (MyDebit co-badged), Amex, JCB
and 19-digit UnionPay ranges in Redsys, Nexi, Windcave PxPost, Global Payments and PayU requests and an OCR'd
authorisation form, Italian, Spanish, Polish, Dutch, Swedish and Irish IBANs with their national check digits in
PolishAPI payments, Personio exports, a modelo 303 return, a Fortnox supplier, a Tikkie payment and a SEPA mandate
form, cloud credentials in ClickHouse named collections, ``S3Queue``, ``AzureBlobStorage`` and ``AzureQueue`` engines
and server configuration, passwords in ``mysql()``, ``postgresql()`` and ``remoteSecure()`` calls, dictionary sources
and ``Kafka``, ``RabbitMQ`` and ``MongoDB`` engine settings, eight families of password-derived material (OpenDocument,
DMG, OpenSSH keys, GnuPG, Java keystores, PKZIP, KDE wallets, eCryptfs), ExpressionEngine, Atlassian Crowd,
KeystoneJS, DotNetNuke, Remix, @fastify/secure-session, Citrix NetScaler and Adminer cookies, Swedish OCR references,
pagoPA notice numbers and personal identity numbers that pass Luhn, Bankgiro numbers, New Zealand accounts, BICs, VAT,
organisation and KvK numbers, ClickHouse versions that read like IPv4 addresses, ``DB::`` scopes, Kerberos
principals, systemd template units, ClickHouse's ``[HIDDEN]`` secrets, HTTP-signature and HMAC authorisation headers
and base64 JSON beginning ``eyJ`` as negatives, and tables of a Tuscan farm stay's bookings, a Stockholm floating
sauna's slots and a Penang durian orchard's pre-orders), ``unwatched``, written after unvisited, by a
thirtieth session that did not read the rules (ClickHouse ``system.text_log`` rows, Swift Vapor, Tornado, NLog, AWS
Lambda Powertools, Apple unified-log, Erlang/OTP report, QRadar LEEF, Nuxt consola and Karafka lines; nginx access logs
with ``$http_...`` headers, Karate DSL request logs (``Authorization`` masked by a log modifier half of the time), REST
Assured ``log().all()``, Hoverfly simulation and ngrok inspector dumps, new vendors' keys (PayPay, KOMOJU, PAY.JP,
freee, SmartHR, Sansan, kintone, Backlog, Chatwork, Money Forward, Treasure Data, Rakuten RMS, Toss Payments, PortOne,
Solapi, Aligo, Cafe24, NICEPAY, Channel Talk, Afterpay, Tyro, Deputy, Employment Hero, SafetyCulture, ServiceM8,
Helcim, Clio, Dialpad, Flinks, Plooto, PayFit, Lydia, Stancer, Swile, Agicap, lexoffice, sevDesk, Billbee, parcelLab,
commercetools, Semgrep, Depot, Bitrise, Codemagic, incident.io, Rootly, FireHydrant, Zilliz, PandaDoc, Braze,
RudderStack, Optimizely, Transloadit, Five9, Aircall, Twilio Basic pairs), JWT issuers (LINE Login, Kakao, Yahoo!
JAPAN, Xero, FranceConnect, Verimi, freee, myID, a NAVER WORKS assertion) and LLM bodies (OpenAI Conversations, AG-UI
``RunAgentInput`` with a ``MESSAGES_SNAPSHOT`` stream, Agno agent runs, LangGraph Platform ``runs/wait``, Docker Model
Runner completions), an llm-d inference scheduler's log of scored prompts, Braintrust log rows, Laminar spans, Channel
Talk, Chatwork and Ada conversations, Pixtral, Phi-3.5-vision, GLM-4.1V-Thinking, MiniCPM-o, InternVL3 and
ERNIE-4.5-VL markup, Hawaiian Pidgin, Cornish, Bavarian, Picard and Silesian chat, phones of the United States, the
United Kingdom, Germany, France, Japan, South Korea, Canada and Australia (市外局番 forms in parentheses and full-width
digits, ``010-1234-5678``, ``+49 (0)30``, ``030/1234567``, ``0412-345-678``) in vCard 4 ``tel:`` URIs, Twilio Studio
executions, Genesys Cloud conversations, Five9 call logs, Aircall webhooks, KakaoTalk AlimTalk requests, Xero contacts,
Doctolib-like bookings, Solapi sends, Interac e-Transfer recipients, Japanese booking mails and German imprints, cards
of Visa, Mastercard, Amex, JCB, Discover, Diners and UnionPay in KOMOJU, PAY.JP, Toss Payments, Helcim and Stancer
requests and OCR'd Japanese and German authorisation forms, German, French, Monégasque, British, Belgian and
Luxembourgish IBANs with their national check digits in FinTS ``HKCCS`` segments, sevDesk, Xero and PayFit records,
Agicap and Isabel exports and a direct-debit mandate, cloud credentials in ``deltaLake()``, ``BACKUP ... TO S3``/
``AzureBlobStorage``, ``s3()`` named-collection overrides, ``azureBlobStorage()`` with a SAS, storage configuration and
dictionary ``HTTP`` sources, passwords in ``remote()`` calls, ``users.xml``, interserver credentials, ``ALTER NAMED
COLLECTION``, ``NATS`` and ``MaterializedPostgreSQL`` engines, eight families of password-derived material (Apple
iWork, macOS keychains, Apple Secure Notes, Android FDE, Windows Hello PINs, RAR3 with encrypted headers, VirtualBox,
SolarWinds Orion), Nuxt, EC-CUBE, Rhymix, Shopware, Contao, WooCommerce and Supabase cookies, IMEIs, Korean resident
numbers, Japanese individual numbers and loyalty cards that pass or fail Luhn, 全銀, Korean, BSB and Canadian accounts,
tracking, tax and corporate numbers, four-part assembly versions that read like IPv4 addresses, MAC addresses, a
ClickHouse server-log timestamp that reads like a North American number, container digests, CSS at-rules, HMAC and
``hmac OPA-Auth`` headers, JWKS, ``SHOW CREATE USER`` hashes and ``[HIDDEN]`` values as negatives, and tables of a
Niseko ski-rental shop's orders, a Seoul hanbok-rental shop's bookings and a Munich piano tuner's visits),
``unexplored``, written after unwatched, by a thirty-first session that did not read the rules (TiDB, StarRocks
FE, XXL-JOB, ThinkPHP, Tarantool, 1C:Enterprise technological log, Yii 2, Manticore Search, TOTVS Protheus, Pgpool-II,
ProxySQL and CodeIgniter 4 lines; WSO2 API Manager wire logs, SoapUI raw requests, Apigee debug sessions
(``Authorization`` masked by the proxy half of the time), Spring Boot Actuator ``httpexchanges`` records
(``Authorization`` recorded half of the time) and Azure API Management traces, new vendors' keys (MoySklad, Aplazame,
Fatture in Cloud, Ukrposhta, Cashfree, Zerodha Kite, Delhivery, PhonePe, Take Blip, RetailCRM, Ozon, Fabrick, wFirma,
Checkbox, Instamojo, Zenvia, VTEX, monobank, Huawei Cloud, Tiny, Omie, Nova Poshta, Unisender, CDEK, WeChat Pay and
Official Accounts, Gitee, Amap, Paytm, LiqPay, WayForPay, Fondy, Autopay, Qiniu, SMS.ru; Exotel, Pagar.me, iugu, Efí,
CloudPayments, SeQura, idealista and Tpay Basic pairs), JWT issuers (Shiprocket, Melhor Envio, Wildberries, Gosuslugi
ESIA, gov.br, Italy's CIE, HUAWEI ID, Checkbox) and LLM bodies (Maritaca AI Sabiá, Baidu Qianfan AppBuilder, Firebase
Genkit, TorchServe, Ola Krutrim), TorchServe's ``MODEL_LOG`` of rendered prompts, Arize Phoenix spans, Opik traces,
Bitrix24 Open Lines, Zenvia and Meiqia conversations, Aria, Ultravox, Cabrita, ruDialoGPT, Yi-VL and SALMONN markup,
Piedmontese, Crimean Tatar, Hunsrik, Taiwanese Hokkien and Awadhi chat, phones of China, India, Brazil, Russia, Spain,
Italy, Poland and Ukraine (``(+86) 138 0013 8000``, ``010-12345678``, ``098765 43210``, ``+55 11 9 1234-5678``, ``8
(912) 345-67-89``, ``(+34) 612 345 678``, ``06-12345678``, ``(0-22) 123 45 67``, ``+38 (067) 123-45-67``) in Pix
keys, SBP transfers, SF Express waybills, Telegram contacts, Nova Poshta and Delhivery shipments, OLX ads, Docplanner
bookings, Bitrix24 leads and Exotel calls, cards of Visa, Mastercard, Mir, UnionPay (16 and 19 digits), RuPay, Elo,
Hipercard and Maestro in e.Rede, LiqPay, WayForPay, Cashfree, Paytm and Fondy requests and OCR'd Russian and Chinese
refund forms, Spanish, Italian, San Marino, Polish, Ukrainian and Brazilian IBANs with their national check digits in
CBI and pain.008 XML, Revolut Business counterparties, Fatture in Cloud accounts, a Ukrainian invoice, a Brazilian
remittance, a San Marino deposit and a Polish transfer confirmation, passwords in ``mongodb()`` and ``redis()`` calls,
``MySQL`` and ``MaterializedMySQL`` engines, ``POSTGRESQL`` and ``MONGODB`` dictionary sources, ``odbc()``, the
ZooKeeper ``identity``, the OpenSSL passphrase handler, ``clickhouse-client --password``, ``X-ClickHouse-Key``, JDBC
URLs and the HTTP interface, ``ADD IDENTIFIED WITH``, eight families of password-derived material (1C-Bitrix, Radmin 3,
1Password agile keychains, Juniper IVE, Exodus, SQLCipher, BestCrypt, DiskCryptor), Yandex, Baidu, Bilibili, VK,
Weibo, ServiceNow, Frappe and Blackboard cookies, CPF, CNPJ, Aadhaar, PAN, INN, SNILS, PESEL, NIP, RNOKPP, partita
IVA and Chinese resident numbers, passports, boletos, tracking numbers, loyalty cards that pass Luhn, Russian, Indian
and Brazilian accounts, SEPA creditor ids, four-part 1C and Windows versions, dotted Russian dates, WeChat Pay, BCE,
Qiniu, Huawei SDK-HMAC and PhonePe ``X-VERIFY`` signatures, public keys, app and merchant ids and documented defaults
as negatives, and tables of a Kerala houseboat operator's cruises, a Rio samba school's costume orders and a
Trans-Siberian rail tour operator's passengers), ``unmapped``, written after unexplored, by a thirty-second
session that did not read the rules (CUBRID, TmaxSoft JEUS, Altibase, Armeria, Digdag, Embulk, ejabberd, Apache Druid,
Apache SkyWalking, ClamAV clamd, Zimbra and uWSGI lines; Ktor client ``Logging`` output (``Authorization`` sanitised
to ``***`` half of the time), Dio ``LogInterceptor`` lines, JDK HttpClient header logs, Privoxy debug logs and Gravitee
APIM request logs, new vendors' keys (LINE, GMO Payment Gateway, Misoca, BASE, Smaregi, PortOne, Kakao, KakaoPay,
NAVER Cloud, NAVER Developers, KG Inicis, Coupang, Sweet Tracker, GHN, GHTK, payOS, SePay, KiotViet, Haravan, Zalo,
Hepsiburada, Paraşüt, Sipay, Yurtiçi Kargo, Bosta, Kashier, Geidea, Mylerz, Monnify, Squad, Korapay, Mono, Termii,
Interswitch, VTpass, Sendchamp, Facturapi, Skydropx, Belvo, Clip, Bitso, DOKU, Tripay, iPaymu, Qiscus, Wablas, Fonnte,
RajaOngkir, Durianpay, OY!, Flip, Zenziva, LanceDB, Marqo, Vespa Cloud), JWT issuers (LINE Login, Kakao Login, Yahoo!
JAPAN ID, Biteship, Kuda, Interswitch Passport, Viettel Post) and LLM bodies (Jan, Kakao i Open Builder, Nexa SDK,
Semantic Kernel, GPT4All), Jan cortex.cpp's debug log of rendered prompts, Qiscus, LINE webhook, Zalo OA, SleekFlow and
Smartsupp conversations, Karakuri LM, HyperCLOVA X SEED, BERTIN, Turkish and Indonesian Alpaca and Pygmalion markup,
Minangkabau, Balinese, Nahuatl, Tetum and Chavacano chat, phones of Japan, Korea, Vietnam, Türkiye, Egypt, Nigeria,
Mexico and Indonesia (``03(1234)5678``, full-width and Arabic-Indic digits, ``0912.345.678``, ``0 (532) 123 45 67``,
``2348031234567``, ``(55) 1234-5678``, ``6281234567890``) in Kakao AlimTalk sends, Zalo ZNS messages, GHN orders,
Yamato B2 CSV rows, Bosta deliveries, Termii SMS, Skydropx and Biteship shipments, wa.me links and vCards, cards of
Visa, Mastercard, JCB, Amex, Troy, Verve, Napas, Meeza, Carnet and GPN in Sipay, Kashier, Monnify, DOKU, GMO-PG, KG
Inicis and Clip requests and OCR'd Vietnamese and Japanese forms, Turkish, Egyptian, Saudi, Emirati, Qatari and Kuwaiti
IBANs in MT103 and pacs.008 messages, an e-Arşiv invoice, an Egyptian receipt, a FAST receipt, a Paraşüt account and a
remittance record, passwords in ``mysql()`` and ``postgresql()`` with named arguments, Kafka, RabbitMQ and NATS engine
settings, named collections, ``ldap_servers``, ``interserver_http_credentials`` and ``clickhouse-backup``, eight
families of password-derived material (Gnuboard, Rhymix, MediaWiki, MongoDB SCRAM, NetIQ SSPR, MySQL caching_sha2,
Nextcloud, ejabberd SCRAM), NAVER, Kakao, Yahoo! JAPAN, niconico, Zalo, Tokopedia, Shopee and Mercado Libre cookies,
My Number, corporate, resident registration, business, CCCD, T.C. kimlik, vergi, Egyptian national, NIN, BVN, CURP,
RFC, NIK and NPWP numbers, CLABE and NUBAN accounts, tracking numbers, point cards that pass Luhn, Coupang, Bitso,
DOKU, Tripay, iPaymu and LINE signatures, public keys, client and app ids, documented example keys and placeholders as
negatives, and tables of a Nile dahabiya operator's cruises, an Oaxaca mezcal club's orders and a Lagos party-rental
company's orders), ``unsurveyed``, written after unmapped, by a thirty-third session that did not read the
rules (Puma, OpenSIPS, lighttpd, Micronaut, VerneMQ, Soketi, Vitess vttablet, YugabyteDB, ScyllaDB, Aerospike,
SeaweedFS and Verdaccio lines; .NET Refit ``HttpClient`` logging (``Authorization`` redacted to ``*`` half of the
time), HTTParty debug output, Typhoeus verbose output and Unirest request summaries, new vendors' keys (Lithic,
Marqeta, Modern Treasury, Dwolla, Finix, Socure, Brex, Mercury, Twingate, Treasury Prime, Juspay, Decentro, Karza,
Signzy, Digio, Leegality, Kaleyra, Interakt, Shadowfax, ClearBank, Royal Mail, Esendex, Textlocal, Starling, Monzo,
Billie, finAPI, DPD, rapidmail, easybill, FastBill, Computop, Juno, PicPay, Getnet, Vindi, Frenet, NFE.io, Focus NFe,
Z-API, Youzan, Yunpian, JPush, Getui, Kuaidi100, Umeng, Systempay, HiPay, Boxtal, Yousign, Powens, Ziina, Telr,
Quiqup, Shipa), JWT issuers (AiSensy, CleverReach, plentymarkets, Jadlog, Treezor, Didomi) and LLM bodies (Griptape,
Promptfoo, Mirascope, Outlines, LightOn Paradigm), an Outlines sidecar's debug log of rendered prompts, Haptik,
Verloop, Kommunicate, Udesk and iAdvize conversations, em_german, Airavata, LeoLM, Jais, Linly and French Alpaca
markup, Konkani, Shanghainese, Gulf Arabic, Pennsylvania Dutch and Cajun French chat, phones of the United States,
India, the United Kingdom, Germany, Brazil, China, France and the UAE (``+1 (212) 867-5309``, ``1-212-867-5309``,
``098765 43210``, ``+44 (0)7700 900123``, ``0151/23456789``, ``(11) 91234-5678``, ``0086-13800138000``,
``06.12.34.56.78``, ``00971501234567``) in Esendex, Kaleyra and Yunpian sends, Z-API messages, Quiqup orders, Frenet
quotes, ``tel:`` links, ``P-Asserted-Identity`` headers and vCards, cards of Visa, Mastercard, Amex, Discover, RuPay,
Elo, Hipercard, UnionPay, Diners and Maestro in Juspay, Getnet, Telr, HiPay, PAYONE, Computop and Lithic bodies and
OCR'd Chinese and Brazilian forms, British, German, French, Brazilian, Emirati and Monégasque IBANs in XRechnung
invoices, a French RIB, Qonto and GoCardless bodies, a UAEDDS mandate and a SEPA mandate, passwords in
``remoteSecure()`` and ``mongodb()`` arguments, ``CLICKHOUSE``, ``MONGODB`` and ``REDIS`` dictionary sources,
``MaterializedPostgreSQL``, the ``<zookeeper>`` identity and ``clickhouse-client --password`` in a cron line, eight
families of password-derived material (Camunda, Kentico, Sitecore, OXID eShop, Argon2d, Openfire SCRAM, Pimcore,
JTL-Shop), Zhihu, Douban, Taobao, Pinduoduo, Xiaohongshu, Doctolib and Vinted cookies, Aadhaar, PAN, CPF, CNPJ, NHS,
Steuer-ID, Emirates ID and Chinese resident numbers, tracking numbers, IMEIs and Luhn-valid ids, masked cards, Juspay,
Kuaidi100, Telr and Computop signatures, keeper digest ACLs, ``<ssh_keys>`` and ``IDENTIFIED WITH ssh_key``, public
keys, client, merchant and instance ids, documented example keys and placeholders as negatives, and tables of a Goa
spice-farm homestay's bookings, a Shanghai qipao atelier's fittings and a Dubai desert camp's safari bookings),
``unplumbed``, written after unsurveyed, by a thirty-fourth session that did not read the rules (Sonatype Nexus,
Harbor, Metabase, listmonk, authentik, OpenLDAP slapd, Seafile, Neo4j, ArangoDB, QuestDB, ZincSearch and HiveMQ lines;
RestSharp request logs (``Authorization`` masked as ``***`` half of the time), needle ``NODE_DEBUG`` output, tinyproxy
connection logs and Proxyman "Copy as cURL" commands, new vendors' keys (Safepay, PostEx, Leopards, Trax, SendPK,
EOcean, Daraz, Yoco, Bob Go, ShipLogic, Netcash, Luno, VALR, Salla, 4jawaly, Qoyod, Wafeq, Rewaa, Naqel, Tiendanube,
Mobbex, Decidir, Andreani, Geopagos, GB Prime Pay, Ksher, ChillPay, Pay Solutions, Flash Express, SHIPPOP, Fiuu, CHIP,
Delyva, Ninja Van, Lalamove, Mocean, MultiSafepay, Pay.nl, Spryng, CM.com, Picqer, Channable, SnelStart, MyParcel,
Nuvei, VoPay, Wealthica, Stallion Express, Chit Chats), JWT issuers (Bykea, Foodics, Stitch, Pomelo, Zum Rails,
Bayarcash) and LLM bodies (txtai, Typhoon, Marvin, LMQL, Mesolitica MaLLaM), an LMQL server's debug log of rendered
prompts, Botmaker, Cliengo, Mottasl, Watermelon and Turn.io conversations, Thai, Malay, Dutch and Arabic
instruction-label markup, ``<|question|>`` and ``GPT4 User:`` prompts, Saraiki, Najdi Arabic, Isan, Zeelandic and
Venda chat, phones of Pakistan, South Africa, Saudi Arabia, Argentina, Thailand, Malaysia, the Netherlands and Canada
(``+92-300-1234567``, ``0300-1234567``, ``+27 (0)82 123 4567``, ``00966501234567``, Arabic-Indic and Thai digits,
``+54 9 11 2345-6789``, ``011 15-2345-6789``, ``081-234-5678``, ``+6012-3456789``, ``+31 (0)6 12345678``,
``06-12345678``, ``(416) 234-5678``) in Bykea bookings, SendPK and CM.com sends, Salla customers, Lalamove stops, Flash
Express orders and ``callto:`` links, cards of Visa, Mastercard, Amex, JCB, UnionPay, mada, Naranja, Cabal and Diners
in GB Prime Pay, Fiuu, CHIP, Mobbex, Decidir, Nuvei and Pay.nl bodies, Pakistani, Saudi, Dutch, Belgian, Luxembourg
and Irish IBANs in Raast and SARIE requests, a MultiSafepay refund, a Belgian invoice with its structured
communication, a fund subscription and a payroll export, passwords in the ``Redis`` table engine and ``arrowFlight()``
arguments, ``<connections_credentials>``, the ``privateKeyPassphraseHandler``, the MySQL client against port 9004 and
``IDENTIFIED WITH bcrypt_password``, keys in ``icebergS3()``, ``gcs()``, a ``DataLakeCatalog`` credential, an
``encrypted`` disk and ``YTsaurus``, eight families of password-derived material (Phabricator, Pydio Cells, Metabase,
SAP HANA, OpenMRS, Vertica, Firebird, Dolibarr), Shopee, Lazada, Daraz, Salla, Tiendanube, Wealthsimple and foodpanda
cookies, CNIC, South African identity, Saudi id, CUIT, DNI, Thai id, MyKad, BSN and SIN numbers, tracking numbers,
IMEIs and Luhn-valid ids, masked cards, Belgian structured communications, CBUs, Lalamove, VALR, Flash Express,
ChillPay and GB Prime Pay signatures, ``query_masking_rules`` and ``http_handlers``, public keys, client, brand and
account ids, documented example keys and defaults and placeholders as negatives, and tables of a Phuket Muay Thai
camp's class bookings, a Gansbaai cage-dive operator's trips and a Lisse bulb wholesaler's export orders),
``unfathomed``, written after unplumbed, by a thirty-fifth session that did not read the rules (Dremio, Apache
Pinot, Apache Doris, TimescaleDB, Citus, Odyssey, MariaDB MaxScale, Galera, FoundationDB, Longhorn, Grafana Mimir and
Maxwell's daemon lines; ``java.net.http`` client logging, ``URLSession`` header dictionaries (``Authorization`` logged
as ``<private>`` half of the time), ureq debug preludes and Smokescreen proxy decisions with the gateway's header
trace, new vendors' keys (IntaSend, Kopo Kopo, Jenga, Tingg, Sendy, Onfon, SasaPay, Maya, Dragonpay, Coins.ph, iTexMo,
Movider, Brankas, fincode, Veritrans, SB Payment, Paidy, Mercari Shops, Airレジ, ECOMMPAY, Opayo, Evri, Veeqo,
Linnworks, Just Eat, Ometria, FreeAgent, Tilled, JustiFi, Tradier, Copper, Freshsales, Gusto, Easebuzz, CCAvenue,
Zaakpay, IDfy, 2Factor, Fast2SMS, Borzo, NimbusPost, Shipway, PaySky, Sympl, Khazna, Kushki, PlacetoPay, Siigo,
Alegra, Hablame, Tpaga, Melonn, Mensajeros Urbanos), JWT issuers (Stax, Truora, UnivaPay, Siigo, Xpressbees,
Breadfast) and LLM bodies (Text Generation Inference, ELYZA, Rakuten AI, Nscale, Liquid AI), a TGI router's debug log
of prompts, Richpanel, Engati, Glia, Netomi and Chaport conversations, Spanish, Swahili, Hindi and Tagalog
instruction-label markup, GLM-4's ``<|observation|>`` and ``<|usuario|>`` prompts, Hiligaynon, Waray, Sudanese
Arabic, Sanskrit and Gullah chat, phones of Kenya, the Philippines, Japan, the United Kingdom, the United States,
India, Egypt and Colombia (``+254 712 345678``, ``254712345678``, ``0712 345 678``, ``+63-917-123-4567``, ``(02) 8123
4567``, ``090-1234-5678`` in ASCII and full-width digits, ``+44 (0)7823 456789``, ``+1.212.456.7890``, ``+91
98765-43210``, Devanagari and Arabic-Indic digits, ``010 12345678``, ``(+57) 3101234567``, ``(601) 2345678``) in Onfon,
iTexMo, Hablame and 2Factor sends, Sendy deliveries, Borzo points, Coins.ph profiles and Copper people, cards of Visa,
Mastercard, Amex, JCB, RuPay, Discover, Meeza, Diners and UnionPay in Kushki, PaySky, CCAvenue, Veritrans, fincode,
ECOMMPAY, Tilled and JustiFi bodies, Egyptian, British, Gibraltar, Jordanian, Costa Rican and Dominican IBANs in an
RTGS order, a CHAPS file, a beneficiary export, CliQ, SINPE and LBTR transfers, passwords in the ``PostgreSQL`` engine,
``postgresql()`` with ``ON CONFLICT``, the ``NATS`` engine, a per-topic ``<kafka_lots>`` section, ``clickhouse-backup``
and ``clickhouse-keeper`` configs and ``ADD IDENTIFIED WITH double_sha1_password``, keys in ``AzureBlobStorage``,
``hdfs_delegation_token``, ``aes_encrypt_mysql()`` and an S3 disk's customer key, eight families of password-derived
material (FreeIPA, Alfresco, vtiger, SuiteCRM, ILIAS, Sakai, Chamilo, Akaunting), Cookpad, Swiggy, Rappi, Jumia,
Kilimall, talabat and Zalora cookies, KRA PIN, Kenyan id, PhilSys, SSS, My Number, NHS, National Insurance, social
security, Aadhaar, PAN, Egyptian id, cédula and NIT numbers, tracking numbers, IMEIs and Luhn-valid ids, masked cards,
Coins.ph, ECOMMPAY, PlacetoPay, Veritrans, Easebuzz and PaySky signatures, an encrypted MaxScale password, public and
publishable keys, merchant, account and client ids, documented example keys and placeholders as negatives, and tables
of a Nyeri coffee cooperative's export lots, a Boracay kitesurfing school's lessons and a Niseko ski lodge's stays),
``unsounded``, written after unfathomed, by a thirty-sixth session that did not read the rules (JFrog
Artifactory, Check Point Log Exporter, UiPath Robot, Synology DSM, Apache Kafka broker, Percona XtraBackup, Flux, HBase
RegionServer, Couchbase Server, RethinkDB, Pacemaker and chproxy lines; http4k ``PrintRequest`` dumps, Flurl
``BeforeCall`` logging (``Authorization`` written as ``***`` half of the time), httplib2 ``debuglevel=1`` output and
imroc/req dev-mode dumps with their trace naming the remote and local addresses, new vendors' keys (Culqi, Niubiz,
Izipay, PagoEfectivo, Nubefact, Flow, Khipu, Transbank, Bsale, Chilexpress, Fintoc, Shipit, OpenFactura, TurboSMS,
Checkbox, Rozetka, Prom.ua, KeyCRM, Horoshop, SalesDrive, eSputnik, NETOPIA, EuPlătesc, SmartBill, Oblio, FAN Courier,
Sameday, Cargus, SMSLink, Twispay, Viva, Everypay, ACS Courier, Skroutz, BOX NOW, Routee, myDATA, Barion, SimplePay,
Számlázz.hu, Billingo, Foxpost, NAV Online Számla, UNAS, Shoprenter, Tranzila, Cardcom, PayPlus, Grow, Green Invoice,
iCount, InforU, ECPay, NewebPay, TapPay, LINE Pay, JKOPAY, EVERY8D, Mitake, Todoist, Prismic, ConfigCat, Clockify,
Toggl, Crowdin, Lokalise, Smartling, ipgeolocation, Abstract API, SurveyMonkey, BrowserStack, LambdaTest, Sauce Labs,
Percy, Chromatic, Cypress Cloud, Logz.io, Cronitor, UptimeRobot, Statuspage, Inception Labs, 01.AI, TextSynth, Taiwan AI
Labs' FFM, Arcee), JWT issuers (Niubiz, Checkbox, Viva, Green Invoice, SHOPLINE) and LLM bodies (Inception Labs Mercury,
01.AI Yi, TextSynth, Taiwan AI Labs FFM, Arcee Conductor), LlamaEdge's log of the prompts it built, Glassix, SendPulse,
Deskpro, Groove and Pylon conversations, Ukrainian, Romanian, Greek, Hungarian and Hebrew instruction-label markup and
MediaTek Breeze's ``[INST]`` prompts, Aymara, Carpathian Rusyn, Aromanian, Romani and Taiwanese Hakka chat, phones of
Peru, Chile, Ukraine, Romania, Greece, Hungary, Israel and Taiwan (``+51 987 654 321``, ``(01) 234-5678``, ``+56 (9)
8765 4321``, ``+38 (067) 123-45-67``, ``0722.123.456``, ``(021) 123.45.67``, ``+30 694 12 34 567``, ``06-30/123-4567``,
``+36 (30) 123-4567``, ``050-1234567``, ``+972 (0)50-123-4567``, ``0912-345-678``, ``(02)2345-6789``) in TurboSMS,
InforU and Mitake sends, Foxpost parcels, ACS vouchers, Shipit shipments and Sameday AWBs, cards of Visa, Mastercard,
Amex, Diners, JCB, Maestro, UnionPay and PROSTIR in Culqi, Transbank, Izipay, NETOPIA, Everypay, NewebPay, Tranzila and
Cardcom bodies, Romanian, Azerbaijani, Georgian, Kazakh, Serbian, Croatian, Lithuanian and Latvian IBANs in a payment
order, a HUB-3 barcode payload, a SEPA transfer, a Kazakh payment order, a Georgian transfer, an Azerbaijani payment
order, a Serbian transfer order and a Latvian invoice, passwords in the ``ExternalDistributed`` engine,
``<remote_servers>`` replicas, ``<auxiliary_zookeepers>`` identities, ``<kafka>``'s ``<ssl_key_password>``,
``users.xml`` and ``IDENTIFIED WITH scram_sha256_password``, keys in ``s3Cluster()``, ``Iceberg``, ``DeltaLake``,
``hudi()``, ``paimon()``, ``RESTORE … FROM S3()``, ``icebergAzure()``, ``deltaLakeAzure()``,
``azureBlobStorageCluster()`` and the ``URL`` engine's ``headers()``, eight families of password-derived material (NAV
Online Számla, PrestaShop 1.6, Moodle, Odoo, Rocket.Chat, nopCommerce, BLF-CRYPT, PeopleSoft), nopCommerce, Wix,
Skroutz, DokuWiki, Grav, Piwigo, OpenEMR and EspoCRM cookies, DNI, RUC, RUT, RNOKPP, CNP, AFM, AMKA, TAJ, Hungarian tax
id, Teudat Zehut, Taiwanese id and unified business numbers, CCIs, tracking numbers, IMEIs and Luhn-valid ids, masked
cards, Flow, EuPlătesc, SimplePay, ECPay, NewebPay, Tranzila, LINE Pay, CYBERBIZ and NAV signatures, ``NOSIGN``, named
collections, ``from_env``, ``NOT IDENTIFIED`` and ``IDENTIFIED WITH http SERVER``, public keys, commerce, merchant and
client ids, SDK keys, documented test keys (Transbank's integration secret, ECPay's test HashKey) and placeholders as
negatives, and tables of an Atacama observatory's stargazing tours, a Tokaj wine estate's orders and an Aegean yacht
charter's bookings),
``untapped``, written after unsounded, by a thirty-seventh session that did not read the rules (Apache
RocketMQ, Apache Traffic Server, pgBackRest, Barman, Bacula, Apache DolphinScheduler, Apache Ignite, Hazelcast, Apache
ShardingSphere-Proxy, RavenDB, Pritunl and OPNsense lines; Ruby http gem logging, the Azure SDK for Python's
``HttpLoggingPolicy`` (every header outside its allow-list printed as ``'REDACTED'``), Go fasthttp
``RequestHeader.String()`` records naming the dialled address and Moya ``NetworkLoggerPlugin`` output, new vendors'
keys (GoPay, Comgate, Fio banka, Fakturoid, iDoklad, Packeta, Shoptet, POHODA mServer, RAYNET, Balíkobot, Ecomail,
SmartEmailing, Česká spořitelna, Easypay, ifthenpay, SIBS, Moloni, InvoiceXpress, Vendus, Eupago, E-goi, Posten Bring,
Dintero, PowerOffice, Kassalapp, Akahu, Trade Me's OAuth 1.0 ``PLAINTEXT`` signature, POLi, GoSweetSpot, NZ Post, eWAY,
CMI, YouCan Pay, Sendit, Jumpseller, Bluexpress, Buk, Toku, Envíame, Payku, HitPay, Detrack, Fazz, SCB, KBank, PEAK,
FlowAccount, ZORT, SMSMKT, ModernMT, Lakera, Sightengine, Coveralls, Travis CI, AppVeyor, Octopus Deploy, Cloudsmith,
Gemfury, GitBook, SwaggerHub, RapidAPI, Kong Konnect, Hyperping, Zenduty, Splunk On-Call, Loggly, Sumo Logic, Mezmo,
Raygun, Airbrake, MagicBell, Tolgee, Transifex, POEditor, WellSaid, WhyLabs, Parea, Keywords AI, STACKIT, Infomaniak),
JWT issuers (iDoklad, PRIMAVERA Jasmin, Dintero, Maskinporten's JWT grant, OneMap, Singpass client assertions) and LLM
bodies (STACKIT AI Model Serving, Infomaniak AI, DeepSpeed-MII, exo, Lemonade Server), KTransformers' log of the prompts
it formatted, Daktela, Talkdesk, boost.ai, Plain and Manychat conversations, Czech, Norwegian Nynorsk, Māori, European
Portuguese and Simplified Chinese instruction-label markup, Moroccan Arabic, Norwegian Nynorsk, Cape Verdean Creole,
Levantine Arabic and Oromo chat, phones of Czechia, Portugal, Norway, New Zealand, Morocco, Chile, Singapore and
Thailand (``+420 602 123 456``, ``(+351) 912 345 678``, ``21 345 6789``, ``+47 41 23 45 67``, ``412 34 567``, ``+64
(0)21 123 4567``, ``(03) 441 1234``, ``+212 6 12 34 56 78``, ``0612-345678``, ``+569 8765 4321``, ``+65-9123-4567``,
``+66 (0) 81 234 5678``, ``081-234-5678``) in Packeta, SMSMKT, GoSweetSpot, Bluexpress, Sendit, Bring, Easypay and
Detrack bodies, cards of Visa, Mastercard, Amex, Diners, JCB, Maestro, UnionPay and Discover in CMI, SIBS, eWAY, Red Dot
Payment, PayPal, Basis Theory, Paymark and NMI bodies, Czech, Portuguese, Norwegian, Slovak, Austrian, Danish and
Belgian IBANs in an ISDOC invoice, a QR Faktura payload, a Portuguese invoice footer with its NIB, a Norwegian invoice
with its account number, a Mollie mandate, a bunq pointer, a form typed with dashes and a Portuguese direct-debit
authorisation, passwords in the ``JDBC`` and ``ODBC`` engines, the ``<rabbitmq>`` and ``<nats>`` sections, a
``CASSANDRA`` dictionary source, the JDBC bridge's datasources, ``odbc.ini``, pgBackRest, Bacula, ShardingSphere,
RavenDB, sqlplus, redis-cli, smbclient, sqlcmd, db2 and snmpwalk command lines and ``IDENTIFIED WITH plaintext_password
BY …, bcrypt_password BY …``, keys in ``icebergS3Cluster()``, ``deltaLakeCluster()``, ``hudiCluster()``, an ``s3_plain``
and an ``azure_blob_storage`` disk and ``<named_collections_storage>``'s ``<key_hex>``, eight families of
password-derived material (UniFi ``x_shadow``, OPNsense, Proxmox VE, Apache Karaf, GlassFish, FOSUserBundle, Invision
Community, Nagios ``htpasswd.users``), OutSystems, Invision Community, AdGuard Home, NodeBB, LibreNMS, Open Journal
Systems, Cacti and Pterodactyl cookies, rodné číslo, IČO, NIF, NISS, fødselsnummer, organisasjonsnummer, IRD, NHI, CIN,
ICE, RUT, NRIC, FIN, UEN and Thai id numbers, New Zealand and Thai bank accounts, Moroccan RIBs, Norwegian account
numbers, Portuguese NIBs, Luhn-valid KIDs, Multibanco references, tracking numbers, masked cards, CMI, HitPay, Akahu,
Dintero and Trade Me HMAC-SHA1 signatures, Laravel encrypted and CSRF cookies, ``bcrypt_hash``, ``double_sha1_hash``,
``ldap SERVER``, ``no_password``, ``from_env`` and port sections, public keys, merchant, account, client and app ids,
documented test numbers and placeholders as negatives, and tables of a Queenstown bungee operator's jumps, a Lisbon
azulejo workshop's commissioned panels and a Plzeň brewery's keg deliveries),
and ``unweighed``, written last, after untapped, by a thirty-eighth session that did not read the rules (ownCloud
Infinite Scale, Haraka, openHAB, PowerDNS Recursor, Kea DHCPv4, Payara Server, 389 Directory Server, Proxmox VE,
CrowdSec, dnsmasq, Kopia and Apache Guacamole lines; Zalando Logbook's JSON and HTTP-style request logs
(``Authorization`` printed as ``XXX`` by its default header filter on most services) and PHP Saloon ``debug()`` dumps,
new vendors' keys (Dinero, e-conomic, Billy, QuickPay, Frisbii, Shipmondo, CPSMS, Planday, Bitpanda, Bitmovin, Usersnap,
fiskaltrust, Payrexx, PostFinance Checkout, bexio, Frontify, Threema Gateway, Beekeeper, Paytrail, Netvisor, Procountor,
Holvi, Maventa, OP, Kaspi.kz, Halyk ePay, ioka, Mobizon, Freedom Pay, PayHere, Dialog Ideamart, Notify.lk, Text.lk,
Koombiyo, WebXPay, Dojah, Prembly, Youverify, SeerBit, Shipbubble, Anchor, Fincra, Instapago, Megasoft, imgix,
api.video, Sieve, Beam, HoneyHive, Pezzo, JigsawStack, ScraperAPI, Composio, Arcade, Toolhouse, Ragie, Lingvanex,
Weglot, Coveo, Telesign, Speechify, Neets.ai, Unreal Speech, Render, Northflank, GrowthBook, DigitalOcean Gradient,
ModelScope, PPIO, Nous Portal, Arli AI), JWT issuers (Visma Connect for Dinero, Planday, PostFinance Checkout's request
tokens, bexio, Nuclia service accounts) and LLM bodies (DigitalOcean Gradient agents with retrieval info, ModelScope
API-Inference, PPIO, Nous Portal completions with Hermes ChatML prompts, Arli AI), GPUStack llama-box's log of the
prompts it rendered, Giosg, Ninchat, Puzzel, Kundo and Zowie conversations, Danish, Finnish, Kazakh, Sinhala and Hausa
instruction-label markup, Tunisian Arabic, Iraqi Arabic, Dari, Krio and Sranan Tongo chat, phones of Denmark, Austria,
Switzerland, Finland, Kazakhstan, Sri Lanka, Nigeria and Venezuela (``+45 21 23 45 67``, ``2123 4567``,
``+43 (0)664 1234567``, ``0664/1234567``, ``+41 79 123 45 67``, ``032 123 45 67``, ``+358 40 1234567``,
``040 123 4567``, ``+7 (701) 123-45-67``, ``8 (7172) 12-34-56``, ``+94 77 123 4567``, ``011 234 5678``,
``+234 803 123 4567``, ``2348031234567``, ``0201 234 5678``, ``+58 412-1234567``, ``(0412) 123.45.67``) in CPSMS,
Shipmondo, Threema Gateway, Posti, Mobizon, Notify.lk, Shipbubble and Zoom bodies, cards of Visa, Mastercard, Amex,
Diners, JCB, Maestro, UnionPay, Discover, Dankort and Verve in QuickPay, PostFinance Checkout, ioka, SeerBit, Instapago,
Megasoft, Spreedly and Skyflow bodies, Danish, Austrian, Swiss, Finnish, Kazakh and Liechtenstein IBANs in an
ebInterface invoice, a bexio bank account, a Kazakh electronic invoice (ЭСФ), a Danish transfer receipt, an Austrian
transfer with its Verwendungszweck, a Finnish invoice footer, a Paytrail settlement line and a form typed in lower case,
passwords in the ``ArrowFlight`` engine, the client's ``config.xml``, a Grafana datasource's ``secureJsonData``, dbt's
``profiles.yml``, ``clickhouse_connect`` and ``clickhouse_driver`` calls, Guacamole, PowerDNS, Kea, CrowdSec, Haraka,
ocis, openHAB, Kopia and Payara settings, ldapmodify, dsconf and pvesm command lines, Dialog Ideamart's JSON and
``CREATE USER … ON CLUSTER … DEFAULT DATABASE``, ``VALID UNTIL`` and ``double_sha1_password``, keys in the ``Hudi``
engine, Kopia's and Proxmox VE's S3 settings and the ``URL`` engine's ``headers()``, ten families of password-derived
material (Pi-hole v6 and v5, openHAB, TeamSpeak 3, Shaarli, Tiny Tiny RSS, code-server, Node-RED, FreeRADIUS
``Crypt-Password``, Asterisk ``md5secret``) and ``users.xml``'s ``<password_bcrypt_hash>``, code-server, Shaarli, Tiny
Tiny RSS, FreeIPA, JTL-Shop, Pimcore, Akaunting and vBulletin cookies, CPR, CVR, SVNR, ATU, AHV, CHE, henkilötunnus,
Y-tunnus, IIN, BIN, NIC, NIN, BVN, RIF and cédula numbers, FI-kort lines with Luhn-valid payment ids, Danish and Finnish
domestic accounts, viitenumerot, RF references, tracking numbers, masked cards, Paytrail, Netvisor, PayHere, Freedom Pay
and Payrexx signatures, ``ENGINE = HDFS``, ``<http_authentication_servers>``, ``IDENTIFIED WITH sha256_hash … SALT``,
``--ask-password``, public keys, merchant, client, app, project and cashbox ids, documented test values (Paytrail's test
merchant, e-conomic's demo tokens) and placeholders as negatives, and tables of a Biel watch workshop's service orders,
a Rovaniemi husky safari operator's bookings and a Colombo gem laboratory's certificates);
they print their individual mistakes only with ``--show-holdout-mistakes``. Every split is
loaded into each engine and scanned with ``discover --full``. Printed per engine and split:

* column level: one decision per (table, column, detector); precision/recall overall, per
  category (a column is positive for a category when one of its labels belongs to it) and per
  detector;
* row level: one decision per (table, column, row, detector), read with the same queries grouped by
  row number, for both validation paths: candidate rows validated by chwarden (the normal path) and
  validation inside the server (the path for columns with too many distinct candidate rows).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.data.discover import scoring  # noqa: E402
from tests.data.discover.corpus import SEEDS, CorpusTable, all_labels, build_corpus, row_labels  # noqa: E402

from chwarden.connect.base import GuardedConnection  # noqa: E402
from chwarden.discover import DiscoverOptions, discover_live, load_rules, sql  # noqa: E402
from chwarden.discover.column_scan import has_vectorscan, list_tables, parse_groups, parse_rows, run  # noqa: E402
from chwarden.discover.named import column_hints, names_column  # noqa: E402
from chwarden.discover.verdict import RowGroup, fragment_regions, judge, row_findings, row_regions  # noqa: E402

SPLITS = tuple(SEEDS)  # every split the corpus generator knows, in the order they were written


@contextmanager
def chdb_engine() -> Iterator[tuple[Callable[[str], None], GuardedConnection]]:
    from tests.harness.chdb_env import OPEN_DEFAULT_USER, chdb_environment

    from chwarden.connect.embedded import EmbeddedTransport

    with chdb_environment(OPEN_DEFAULT_USER) as env:
        conn = GuardedConnection(EmbeddedTransport(str(env.data_dir), session=env.session), description="chdb")
        yield (lambda statement: env.session.query(statement)), conn


@contextmanager
def server18() -> Iterator[tuple[Callable[[str], None], GuardedConnection]]:
    from tests.harness import configs
    from tests.harness.addresses import SubnetAllocator
    from tests.harness.ch18 import ClickHouse18Server

    from chwarden.connect.target import Credentials, connect, parse_target

    allocator = SubnetAllocator()
    with tempfile.TemporaryDirectory(prefix="chwarden-bench-acc-") as tmp:
        server = ClickHouse18Server("bench", allocator.next_host(), Path(tmp), configs.OPEN).start()
        try:
            conn = connect(parse_target(server.http_url), Credentials("default", ""), max_execution_time=120)
            yield (lambda statement: server.admin_query(statement, timeout=120) and None), conn
        finally:
            server.stop()
            allocator.release()


ENGINES = {"chdb": chdb_engine, "18.16": server18}


def load(execute: Callable[[str], None], database: str, corpus: list[CorpusTable]) -> None:
    execute(f"CREATE DATABASE {database}")
    for table in corpus:
        for statement in scoring.create_statements(database, table):
            execute(statement)


def row_predictions(conn: GuardedConnection, database: str, in_engine: bool) -> dict[tuple[str, str, int], set[str]]:
    """(table, column, row) -> detectors, through the discover queries grouped by row number."""
    detectors = load_rules().detectors
    specific = [d for d in detectors if d.category == "secret" and not d.generic]
    modern = has_vectorscan(conn)
    tables, _notes = list_tables(conn, database, None, modern)
    found: dict[tuple[str, str, int], set[str]] = {}
    for table in tables:
        for column in table.columns:
            chosen = [d for d in detectors if (d.scope == "named") == column.named]
            src = sql.source(table.source, column.expression, sql.Bounds(full=True, rows=0), key="n")
            hints = column_hints(column.name, names_column([c.name for c in table.columns if not c.named]))
            ordered = sql.shape(chosen, modern).ordered
            answer = [] if in_engine else run(conn, sql.rows_query(src, chosen, modern=modern, bounded=False, key="n"))
            if in_engine or any(r["w"] == sql.LONG_ROW for r in answer):  # discover validates it in the server
                query = sql.column_query(src, chosen, modern=modern, hints=hints, key="n", every=detectors)
                answer = run(conn, query)
                groups = parse_groups(answer, sql.shape(chosen, modern))
                regional = hints | fragment_regions(groups, ordered)  # as judge() reads the whole column
                for r, g in zip(answer, groups, strict=True):
                    for verdict in judge([g], ordered, regional)[1]:
                        ids = found.setdefault((table.name, column.name, int(r["k"])), set())
                        ids.add(verdict.detector.reported_id)
                continue
            rows = [RowGroup(g.candidates, g.windows, g.n) for g in parse_rows(answer, chosen, modern)]
            regional = hints | row_regions(rows, ordered)  # as judge_rows() reads the whole column
            for r, row in zip(answer, rows, strict=True):
                for index in row_findings(row, ordered, regional, specific):
                    if ordered[index - 1].reported:  # a context-only detector names no finding
                        found.setdefault((table.name, column.name, int(r["k"])), set()).add(
                            ordered[index - 1].reported_id
                        )
    return found


def table(score: scoring.Score) -> list[str]:
    lines = [f"    {'':<34} {'precision':>9} {'recall':>7} {'tp':>5} {'fp':>4} {'fn':>4}"]
    for name, tally in [
        ("ALL", score.overall),
        *sorted(score.per_category.items()),
        *sorted(score.per_detector.items()),
    ]:
        lines.append(
            f"    {name:<34} {tally.precision:>9.3f} {tally.recall:>7.3f} {tally.tp:>5} {tally.fp:>4} {tally.fn:>4}"
        )
    return lines


def evaluate(
    engine: str, show_holdout: bool, verbose: bool, in_engine_rows: bool, splits: tuple[str, ...] = SPLITS
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with ENGINES[engine]() as (execute, conn):
        for split in splits:
            corpus = build_corpus(split)  # type: ignore[arg-type]
            database = f"corpus_{split}"
            load(execute, database, corpus)
            started = time.perf_counter()
            result = discover_live(conn, engine, DiscoverOptions(database=database, full=True, query_timeout=120))
            elapsed = time.perf_counter() - started
            columns = scoring.score_columns(scoring.predicted_columns(result, database), all_labels(corpus))
            rows = scoring.score_rows(row_predictions(conn, database, in_engine=False), row_labels(corpus))
            scores = [("columns", columns), ("rows", rows)]
            if in_engine_rows:
                engine_rows = scoring.score_rows(row_predictions(conn, database, in_engine=True), row_labels(corpus))
                scores.append(("rows, validated in the engine", engine_rows))
            out[split] = {
                "seconds": round(elapsed, 2),
                "errors": result.errors,
                "columns": scoring.as_dict(columns),
                "rows": scoring.as_dict(rows),
                **({"rows_in_engine": scoring.as_dict(scores[2][1])} if in_engine_rows else {}),
            }
            print(f"== {engine} / {split} split: discover --full {elapsed:.1f} s, errors {result.errors or 'none'}")
            for name, score in scores:
                print("  " + scoring.summary(name, score))
                for category, tally in sorted(score.per_category.items()):
                    print(f"    {category:<13} precision {tally.precision:.3f} recall {tally.recall:.3f}")
                if verbose:
                    print("\n".join(table(score)))
                if split == "dev" or show_holdout:
                    for kind in ("FN", "FP"):  # up to 40 of each: a flood of one kind hides none of the other
                        for mistake in [m for m in score.overall.mistakes if m.startswith(kind)][:40]:
                            print(f"    {mistake}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engines", default="chdb,18.16")
    parser.add_argument("--splits", default=",".join(SPLITS), help="corpus splits to score (default: all)")
    parser.add_argument("--show-holdout-mistakes", action="store_true")
    parser.add_argument("--per-detector", action="store_true", help="print the per-category and per-detector tables")
    parser.add_argument("--json", help="write every number to this file")
    parser.add_argument(
        "--in-engine-rows",
        default="chdb",
        help="engines on which to also score rows through the in-engine validation query (slow to plan on 18.x)",
    )
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    in_engine = set(args.in_engine_rows.split(","))
    results = {
        e: evaluate(e, args.show_holdout_mistakes, args.per_detector, e in in_engine, tuple(args.splits.split(",")))
        for e in args.engines.split(",")
    }
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
