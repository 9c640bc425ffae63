"""The labelled corpus for discover's accuracy tests and benchmarks, in thirty-two splits.

``build_corpus("dev")`` is what the rules were written against; ``holdout``, ``fresh``, ``unseen``,
``novel``, ``sealed``, ``blind``, ``veiled`` and ``hidden`` use other seeds, other line shapes (``contexts.py``),
other chat languages (``chat.py``) and other phone regions, and are only scored
(``bench/bench_discover_accuracy.py`` prints their numbers apart). Up to ``sealed``, each was written
after the previous one's mistakes had been read and their classes fixed, so ``sealed`` has never been
used to write a rule; ``blind`` was written by a session that did not read the rules, to be scored
once (its LLM gateway log also has its own header dump and API body shapes); ``veiled`` was written
last, after blind's fixes, by another session that did not read the rules, to be scored once (its
gateway log dumps headers as Node's ``util.inspect`` prints them and has AWS Bedrock Converse bodies);
``hidden`` was written after veiled's fixes, by a third session that did not read the rules, to be
scored once (``curl -v`` HTTP/2 header dumps, Cohere v1 chat bodies, and value shapes of its own in
``classes.py``); ``unheard`` was written last, by a fourth session that did not read the rules, to be
scored once (HAR request headers, Ollama ``/api/chat`` bodies, chat turns holding a password and an IBAN,
and value shapes of its own in ``classes.py``); ``untold`` was written last, by a fifth session that did not
read the rules, to be scored once (``http.client`` debug dumps of the gateway's requests, Gemini
``generateContent`` bodies and replies, LangChain message dicts and OpenAI Batch API lines, chat in Latvian,
Estonian, Croatian, Slovenian and Armenian, phone numbers of eight new regions, value shapes of its own in
``classes.py`` and tables of its own: cards of every brand, cloud credentials, and a second key-value table);
``unspoken`` was written after untold, by a sixth session that did not read the rules, to be scored once (OkHttp request
logs of the gateway, Llama 3 prompts as TGI ``/generate`` and Bedrock ``InvokeModel`` bodies with bare-text replies,
LlamaIndex chat histories, Rasa tracker events, Llama 3 and Phi-3 markup, chat in Azerbaijani, Albanian, Macedonian,
Mongolian and Nepali, phone numbers of eight new regions, value shapes of its own in ``classes.py`` and tables of its
own: an identity store with every hash family and national card schemes, and an environment key-value table);
``unnamed`` was written last, by a seventh session that did not read the rules, to be scored once (``reqwest`` debug
prints of the gateway's requests, Mistral, Anthropic streaming, vLLM and OpenRouter bodies, vLLM server log lines
with their prompts, Vercel AI SDK and Haystack messages, DeepSeek and Command R markup, chat in Lithuanian, Serbian,
Belarusian, Kazakh and Uzbek with users pasting passwords and keys, phone numbers of eight new regions, value shapes
of its own in ``classes.py`` and tables of its own: LiteLLM spend logs and webhook deliveries with signed headers);
``unmarked`` was written at the same time, by an eighth session that did not read the rules, to be scored once (Go
``httputil.DumpRequestOut`` dumps of the gateway's requests with Azure OpenAI ``api-key`` headers, Azure OpenAI, Vertex
AI Claude and Model Garden bodies and TGI prompts in Command R markup, Open WebUI, Langfuse, Flowise and Dify exports,
Command R, DeepSeek and Zephyr markup, chat in Basque, Galician, Bosnian, Khmer and Punjabi with users pasting
passwords and API keys, phone numbers of eight new regions, value shapes of its own in ``classes.py``, key-value rows
named as Spring properties, Consul paths, Terraform variables and ``.env`` names, and tables of its own: OAuth clients
and an audit trail with before/after JSON); ``unwritten`` was written after them, by a ninth session that did not read
the rules, to be scored once (Ruby Faraday logs of the gateway's requests with Groq keys and IBM Cloud IAM tokens,
Cohere v2, Groq, Together, Ollama ``/api/generate`` and watsonx.ai bodies, Ollama's debug log of rendered prompts,
LangGraph checkpoints, AutoGen results, Semantic Kernel histories and Assistants thread messages, Granite, gpt-oss
harmony, Phi-4, OpenChat and GLM-4 markup, chat in Welsh, Maltese, Yoruba, Amharic and Sinhala with users pasting
passwords and keys, phone numbers of eight new regions, value shapes of its own in ``classes.py``, key-value rows named
as SSM parameter paths, Key Vault names, Vault paths, Rails credentials and Nomad variables, and tables of its own: a
help desk's tickets, a GitLab project's CI/CD variables and a Secrets Manager export); ``unsaid`` was written after
unwritten, by a tenth session that did not read the rules, to be scored once (``curl --trace-ascii`` and Envoy tap
traces of the gateway's requests with xAI, Perplexity, Fireworks, Replicate and Hugging Face keys, Anthropic Messages
bodies with tool use, xAI Grok, Perplexity Sonar, Replicate predictions, Hugging Face Inference Endpoints and Fireworks
completions, SGLang's log of received prompts, Pydantic AI, DSPy, Mistral Agents and OpenAI Agents SDK messages, Llama
4, Mistral Tekken, Kimi K2 and Llama 2 markup, chat in Marathi, Telugu, Zulu, Irish and Lao with users pasting
passwords, keys, cards, IBANs and phone numbers, phone numbers of eight new regions, value shapes of its own in
``classes.py``, key-value rows named as 1Password references, GCP Secret Manager versions, Doppler configs and Vault
paths, and tables of its own: an agent platform's tool-call audit, a secrets-sync log and billing events); ``unvoiced``
was written after unsaid, by an eleventh session that did not read the rules, to be scored once (.NET
``IHttpClientFactory`` and JDK ``HttpClient`` header logs of the gateway's requests with Cerebras, Voyage, Jina, Zhipu,
Nebius and DashScope keys, Cerebras, DashScope, Cloudflare Workers AI, NVIDIA NIM, AI21 Jamba and vLLM bodies, LocalAI's
debug log of rendered prompts, LangSmith runs, Google ADK events, OpenAI Realtime items and smolagents memory, Nemotron,
Jamba 1.5, Baichuan 2 and Seed-OSS markup, chat in Gujarati, Kannada, Hausa, Somali and Kyrgyz with users pasting
passwords, keys, cards, IBANs and phone numbers, phone numbers of eight new regions, value shapes of its own in
``classes.py``, key-value rows named as .NET configuration keys, Pulumi settings and etcd paths, and tables of its own:
a RAG platform's data connectors, an identity provider's events and users' feedback on answers); ``unsung`` was written
after unvoiced, by a twelfth session that did not read the rules, to be scored once (Apache HttpClient wire logs and
Ruby ``Net::HTTP`` debug output of the gateway's requests with NVIDIA, Firecrawl, Tavily, Baidu Qianfan and Yandex IAM
keys and GigaChat's Basic authorization key, Yandex GPT, GigaChat, ERNIE, Tencent Hunyuan, MiniMax, Reka and llama.cpp
server bodies, LiteLLM's debug log of the requests it sent, ChatGPT conversation exports, LibreChat conversations, Bot
Framework activities and Letta messages, EXAONE 3.5, Hunyuan, MiniMax, ERNIE 4.5 and MiniCPM markup, chat in
Malayalam, Burmese, Igbo, Pashto and Norwegian with users pasting passwords, keys, cards, IBANs and phone numbers, phone
numbers of eight new regions, value shapes of its own in ``classes.py``, key-value rows named as Ansible group_vars,
Salt pillar keys, Chef data bags and Nomad variables, and tables of its own: a marketplace's payout accounts, a mobile
app's device registry and an integration platform's outbound webhook deliveries); ``unlisted`` was written after
unsung, by a thirteenth session that did not read the rules, to be scored once (PHP Guzzle, Elixir Req, Rust
``tower_http``, aiohttp, Bun and Spring WebClient wiretap logs of the gateway's requests with Upstage, SiliconFlow,
Moonshot, Anyscale, Predibase and Helicone keys and OctoAI JWTs, Upstage, SiliconFlow, Moonshot, Predibase LoRAX,
Writer, Sarvam and LM Studio bodies, KoboldCpp's console with the prompts it received, Chatbot UI, LobeChat, Jan,
SillyTavern and Continue.dev conversations, StableLM, OpenAssistant, RedPajama, MOSS, TeleChat, ChatGLM2, DeepSeek-R1,
Solar, Alpaca and Pygmalion markup, chat in Turkmen, Javanese, Xhosa, Uyghur and Luxembourgish with users pasting
passwords, keys, cards, IBANs and phone numbers, phone numbers of eight new regions, value shapes of its own in
``classes.py``, key-value rows named as Kubernetes Secret keys, Azure App Configuration keys with labels, AppConfig
profiles, Heroku config vars, Fly.io and wrangler secrets and Supabase Vault names, and tables of its own: an eval
platform's test cases, a support bot's escalations and a feature-flag service's audit log); ``unheeded`` was written
after unlisted, by a fourteenth session that did not read the rules, to be scored once (Ktor, dio, Perl LWP, Elixir
Tesla, R httr and Alamofire cURL dumps of the gateway's requests with LlamaCloud, OpenPipe, Mixedbread, Nomic, RunPod,
Lambda and Daytona keys and Aleph Alpha JWTs, and httpx's ``[secure]`` repr that hides the key, iFlytek Spark, Aleph
Alpha, Amazon Nova, Databricks, Snowflake Cortex, Volcengine Ark, Clarifai and DeepInfra bodies, TabbyAPI's log of the
prompts it rendered, Claude.ai, HuggingChat, OpenAssistant, Intercom, Zendesk AI agent and Chainlit conversations,
Vicuna, Koala, Guanaco, Saiga, Reka, Yuan 2, Skywork and Falcon markup, chat in Kinyarwanda, Tatar, Quechua, Shona and
Dhivehi with users pasting passwords, keys, cards, IBANs and phone numbers, phone numbers of eight new regions, value
shapes of its own in ``classes.py``, key-value rows named as Jenkins credentials, Drone and Woodpecker secrets, External
Secrets, Bitwarden Secrets Manager, Infisical and Vault agent files with SOPS and Sealed Secrets ciphertexts as
negatives, and tables of its own: an AI voice agent's calls, a fine-tuning dataset's records and an API key registry);
``unasked`` was written after unheeded, by a fifteenth session that did not read the rules, to be scored once (Haskell
http-client ``Show`` output that redacts ``Authorization``, Go resty debug logs, Deno ``Request`` inspections, Swift
``allHTTPHeaderFields`` prints, PHP ``var_dump`` of Symfony HttpClient options, Elixir ``%Finch.Request{}`` and Kotlin
Fuel dumps of the gateway's requests with Coze, Friendli, Featherless, Chutes and Scaleway keys, SenseNova and MiniMax
JWTs and GitHub Models tokens, HyperCLOVA X, SenseNova, Coze, Poe, Vertex AI ``chat-bison``, Inflection Pi,
text-generation-webui and Baseten bodies, Xinference's debug log of the prompts it rendered, AnythingLLM, TypingMind,
Botpress, Google AI Studio, big-AGI and Crisp conversations, Jais, Llama Guard, Phi-2, h2oGPT, BlueLM, Orion, Ling and
InternLM markup, chat in Malagasy, Tajik, Sesotho, Wolof and Samoan with users pasting passwords, keys, cards, IBANs and
phone numbers, phone numbers of eight new regions, value shapes of its own in ``classes.py``, key-value rows named as
CyberArk Conjur variables, Akeyless paths, Keeper notation, gopass entries, systemd credentials, Podman secrets, Windows
Credential Manager targets and macOS keychain items with systemd-creds, age and PGP ciphertexts as negatives, and
tables of its own: an SSO session store, a model registry and a PBX's call detail records);
``unbidden`` was written after unasked, by a sixteenth session that did not read the rules, to be scored once (Python
``http.client`` debug output, OpenFeign's full logger, Rust hyper's ``Request`` debug print, Node undici's diagnostics
channel, libsoup's ``SoupLogger`` and Julia HTTP.jl's verbose dumps of the gateway's requests with DeepInfra, Novita,
SambaNova and Wise keys and Hyperbolic and SAP XSUAA JWTs, OCI Generative AI (generic and Cohere formats), SAP AI Core
orchestration, DeepInfra's native inference, Dialogflow CX and Bedrock Agents bodies, Aphrodite's log of the prompts it
rendered, Open Interpreter, NextChat, Chatwoot, Khoj, Chatbox and Cherry Studio conversations, CodeLlama-70B, Apertus,
OLMo, Aquila, ChatYuan and Llama2-Chinese markup, chat in Lingala, Fijian, Tongan, Kirundi and Tigrinya with users
pasting passwords, keys, cards, IBANs and phone numbers, phone numbers of eight new regions, value shapes of its own in
``classes.py``, key-value rows named as Salt pillar paths, Hiera keys, Odoo system parameters, Azure App Service
settings, ECS task definition variables, Home Assistant secrets, Mosquitto and Ceph settings with hiera-eyaml, PGP and
Key Vault references as negatives, and tables of its own: a remittance ledger, a KYC review queue and a RAG store's
chunks);
``unsought`` was written after unbidden, by a seventeenth session that did not read the rules, to be scored once
(HTTPie's offline requests, Insomnia's timeline, Hurl's very-verbose output with ``--secret`` redaction, the JDK's
``HttpURLConnection`` FINE log and Bruno's timeline JSON of the gateway's requests with Groq, AI21, Daily, Mollie and
Telnyx keys and Zoom Server-to-Server JWTs, Cloudflare Workers AI, SageMaker endpoints fed Phind or openPangu markup,
Amazon Lex V2, Bot Framework Direct Line and Groq bodies, LMDeploy's log of the prompts it rendered, Jan, BetterChatGPT,
LiveChat, Help Scout, Gorgias and Msty conversations, Phind, Idefics2, DeepSeek-VL2, openPangu, CodeFuse and Bailing
markup, chat in Haitian Creole, Māori, Chichewa, Odia and Kurdish Kurmanji with users pasting passwords, keys, cards,
IBANs and phone numbers, phone numbers of eight new regions, value shapes of its own in ``classes.py``, key-value rows
named as Teleport, OpenVPN, strongSwan, Kamailio, Rundeck key storage, Flink, Trino, Icinga 2, FreeRADIUS and Synapse
settings with Rundeck ``keys/`` paths, ``${ENV:...}``, FreeRADIUS expansions and ``%prompt`` as negatives, and tables of
its own: an insurance claims queue, a telehealth visit log and a ride-hailing trip table);
``unclaimed`` was written after unsought, by an eighteenth session that did not read the rules, to be scored once
(``wget --debug``, a PowerShell transcript of ``$headers | Format-List``, k6's ``--http-debug``, requests-toolbelt's
``dump_all``, Mojolicious' ``MOJO_CLIENT_DEBUG`` and httr2's ``req_dry_run()`` with ``<REDACTED>`` headers of the
gateway's requests with fal.ai, Black Forest Labs, Cloudflare AI Gateway, Mercado Pago and Axiom keys and Lemon Squeezy
and App Store Connect JWTs, Anthropic Message Batches, Amazon Q Business, watsonx Assistant, Voiceflow, Bedrock
``RetrieveAndGenerate`` and RunPod serverless bodies, FastChat's log of the prompts it forwarded, LM Studio, Goose,
Freshchat, Front, Rocket.Chat livechat and Teams conversations, Functionary, Magicoder, rinna, YaYi and dots.llm1
markup, chat in Setswana, Faroese, Sindhi, Dzongkha and Tok Pisin with users pasting passwords, keys, cards, IBANs and
phone numbers, phone numbers of eight new regions, value shapes of its own in ``classes.py``, key-value rows named as
Gitea, Mattermost, Superset, SonarQube, NiFi, Authelia, Artemis, Varnish, Mews, payroll and pharmacy settings with
``file:`` URIs, ``{aes-gcm}`` and ``ENC(...)`` ciphertexts, public client keys and auth ids as negatives, and tables of
its own: a payroll run, a pharmacy's dispensing log and a hotel's reservations);
``unheralded`` was written after unclaimed, by a nineteenth session that did not read the rules, to be scored once
(Postman's console, Fiddler's raw view, tshark's HTTP layer, .NET's ``HttpRequestMessage.ToString()``, axios errors as
``util.inspect`` and pino (with ``[Redacted]`` headers) print them and Go's ``%+v`` of an ``*http.Request`` of the
gateway's requests with Meta Llama API keys, OVHcloud AI Endpoints and Amazon Cognito JWTs, Gemini API keys and AWS
SigV4 credentials, Meta Llama API, Gemini Live, Dialogflow ES, Amazon Lex V1, Bedrock Flows, Llama Stack agent turns
and Triton TensorRT-LLM bodies, llama.cpp server's verbose log of the chat it formatted, LivePerson, Sunshine
Conversations, Discord, Telegram Bot API, FastGPT and Onyx conversations, PLaMo 2, StepFun, Grok 2, Sailor, YandexGPT 5
and GigaChat markup, chat in Breton, West Frisian, Corsican, Hawaiian and Guarani with users pasting passwords, keys,
cards, IBANs and phone numbers, phone numbers of eight new regions, value shapes of its own in ``classes.py``,
key-value rows named as MuleSoft, Camel, Node-RED, Mirth Connect, Orthanc, Frappe, Moodle, Apereo CAS, BigBlueButton,
Jitsi, SSSD, Koha, Snipe-IT, Telegraf and GoCardless settings with Mule ``![...]`` ciphertexts, Telegraf ``@{...}``
secret-store references, Koha's ``__DB_PASS__`` template, Postmark's test token and public app ids and keys as
negatives, and tables of its own: a carrier's shipments, a school's enrolments and a veterinary clinic's visits);
``unnoticed`` was written after unheralded, by a twentieth session that did not read the rules, to be scored once
(Spring's ``HttpHeaders`` as a ``RestTemplate`` interceptor logs them, Excon's instrumentor (``Authorization`` printed
as ``REDACTED``), a Hoppscotch collection export, Akka HTTP's ``HttpRequest``, Jersey's ``LoggingFeature``, an Erlang
crash report of ``hackney:request/5`` and sttp's ``toCurl`` (``Authorization`` as ``***``) of the gateway's requests
with Eden AI JWTs, Salesforce access tokens, Amazon Bedrock API keys, NLP Cloud's ``Token`` scheme and SigV4
credentials, Eden AI, Amazon Titan Text, Salesforce Einstein Models, Cognigy REST endpoint, NLP Cloud chatbot, Vertex AI
Search answer and LightLLM bodies, mistral.rs' debug log of the prompt it rendered, Twilio Conversations, Tawk.to,
Genesys Cloud, Google Chat, Kustomer and Zoho SalesIQ conversations, Alfred-40B, Persimmon-8B, PhoGPT, Cerbero-7B,
SeaLLM-7B-v2 and SEA-LION markup, chat in Kalaallisut, Tahitian, Papiamento, Romansh and Sardinian with users pasting
passwords, keys, cards, IBANs and phone numbers, phone numbers of eight new regions, value shapes of its own in
``classes.py``, key-value rows named as Airbyte, Argo Workflows, Milvus, Velero, BentoML, Label Studio, Uptime Kuma,
Redpanda, cloud-init, Portainer, Wazuh, Amadeus, REDCap, Medidata Rave and DLMS settings with Airbyte's ``**********``
masks, secret names, public client ids, Twilio account SIDs and Duo integration keys as negatives, and tables of its
own: an airline's bookings with their PNR elements, a clinical trial's visits and an alpine utility's meter reads);
``unremarked`` was written after unnoticed, by a twenty-first session that did not read the rules, to be scored once
(an Elixir ``%HTTPoison.Request{}`` in a Logger line, http4s' client ``Logger`` (``Authorization`` printed as
``<REDACTED>``), a Thunder Client export, ``xh --offline``, a Flutter app's logcat print of a Dart ``http`` request,
PHP's ``print_r(curl_getinfo($ch))`` and Burp Suite's "Copy as requests" of the gateway's requests with OpenAI
service-account keys, Yandex Cloud ``Api-Key``, Deepgram ``Token``, AssemblyAI and ElevenLabs keys, IONOS Cloud JWTs
and Stability AI, Luma and Runway keys, Hugging Face's legacy conversational task, AI21 Jurassic-2, PaLM ``text-bison``,
Watson Assistant v1, Kore.ai webhook, Anthropic Text Completions and Petals bodies, ``mlx_lm.server``'s debug log of
the prompt it rendered, JivoChat, Sendbird, Stream Chat, VK, Freshdesk and Olark conversations, LLM-jp, Vigogne,
Gorilla OpenFunctions, Phoenix, Dolly and Claire markup, chat in Bashkir, Occitan, Yiddish, Scottish Gaelic and
Esperanto with users pasting passwords, keys, cards, IBANs and phone numbers, phone numbers of eight new regions, value
shapes of its own in ``classes.py``, key-value rows named as Dokku, Coolify, Tyk, Pulsar, Kestra, Windmill, Meltano,
Redash, Strapi, Casdoor, Sentry Relay, Bitrix24, YooKassa, Orange, MTN MoMo, PayDunya, DaData, Alibaba Cloud, Tencent
Cloud, Xata, MailerSend, PlanetScale, New Relic and Plaid settings with Kestra ``{{ secret(...) }}`` and Windmill
``$var:`` references, Coolify's ``$SERVICE_PASSWORD_*`` variables, publishable keys, public client ids and key ids as
negatives, and tables of its own: a car rental's agreements, a pay-as-you-go solar company's accounts and a visa
centre's applications);
``unforeseen`` was written after unremarked, by a twenty-second session that did not read the rules, to be scored once
(JMeter's View Results Tree, Gatling's debug log, a Charles Proxy session export, Python ``urllib``'s
``header_items()``, ``curl --libcurl`` C source, a Clojure ``clj-http`` request map and a VS Code REST Client request
(its key often a ``{{variable}}``) of the gateway's requests with Azure AI Inference, Leonardo, Hetzner, Ideogram,
HeyGen, Synthesia, Cartesia, PlayHT and Resemble keys and ZITADEL JWTs, Azure AI Inference, AI Horde, LangServe,
Gradio, NovelAI, Alexa skill and Lepton AI bodies, MLC LLM's debug log of the prompt it rendered, Tidio, Re:amaze,
HappyFox, Zulip, WhatsApp Cloud API and Kayako conversations, Command A, BELLE, KoAlpaca, RWKV, Qwen3 and Moondream
markup, chat in Manx, Sorani Kurdish, Chuvash, Asturian and Cebuano with users pasting passwords, keys, cards, IBANs
and phone numbers, phone numbers of eight new regions (Persian and Arabic-Indic digits among them), value shapes of its
own in ``classes.py``, key-value rows named as ZITADEL, Vaultwarden, Kyverno, Falcosidekick, APISIX, KrakenD, Patroni,
Meilisearch, n8n, vmauth, Headscale, LiveKit, Agora, Kavenegar, Ghasedak, ArvanCloud, MessageBird, Mailgun, Novu,
Mixpanel, Amplitude, Snyk, Appwrite, listmonk, Backblaze, bunny.net, Picovoice, Sinch and Exoscale settings with n8n
``{{ $env... }}`` and APISIX ``$env://`` references, ``_FILE`` paths, project tokens, public API keys and key ids as
negatives, and tables of its own: a coworking space's memberships, a charging network's sessions and an aid agency's
cash-assistance registrations);
``unguessed`` was written after unforeseen, by a twenty-third session that did not read the rules, to be scored once
(``ngrep -W byline`` and ``tcpflow -c`` captures on the egress proxy (their private addresses named), ``tshark -V``'s
HTTP layer, Playwright's ``DEBUG=pw:api``, a Puppeteer request handler's ``console.log``, Swift's ``print`` of a
``URLRequest`` and a Yaak request export (its key often a ``${[ VAR ]}`` template) of the gateway's requests with
Retell, Soniox, LMNT, Murf, Hedra, Meshy, Recraft and Mindee keys and Kling JWTs, Chatbase, Dust, Vellum, Mastra,
Langflow, Venice and Parasail bodies, OpenVINO Model Server's debug log of the prompt it rendered, Matrix, Zoho Desk,
Trengo, WeChat Official Account, Kakao i OpenBuilder and Helpshift conversations, LLaVA-1.5, LFM2, DeepSeek Coder,
StarCoder2-Instruct, SmolLM3 and Synthia markup, chat in Antillean Creole, Low German, Friulian, Assamese and Bhojpuri
with users pasting passwords, keys, cards, IBANs and phone numbers, phone numbers of eight new regions, value shapes of
its own in ``classes.py``, key-value rows named as Forgejo, PostgREST, EMQX, Kanidm, Promtail, Stalwart, coturn,
Traccar, OpenBao, Paperless-ngx, Inngest, Valkey and vendor settings with ``%{env:...}%`` references, ``_FILE`` and
``_URI`` paths, public keys, access keys and client ids as negatives, and tables of its own: a ferry line's bookings, a
dive operator's bookings and a mobile top-up reseller's orders);
``unannounced`` was written after unguessed, by a twenty-fourth session that did not read the rules, to be scored once
(``mitmdump``'s flow detail on the egress proxy (the client's private address named), Chrome NetLog events (the default
capture mode strips ``authorization``), Firefox's ``MOZ_LOG=nsHttp:5``, Apache's ``mod_log_forensic``, ``strace`` of a
plain-text write, BCC's ``sslsniff`` and ModSecurity audit log entries (their addresses named, ``Authorization`` and
``X-Api-Key`` sometimes sanitised) of the gateway's requests with Yelp, Paystack, VirusTotal, NewsAPI, Riot, Tiingo,
Foursquare and Stormglass keys and Moralis JWTs, Glean, Stack AI, CustomGPT.ai, You.com, Relevance AI, Inworld and
kluster.ai bodies, ms-swift's deploy log of the prompt it rendered, Skype, Tiledesk, Dixa, LiveAgent, Userlike and
Papercups conversations, KARAKURI LM, NexusRaven-V2, Otter, mPLUG-Owl, LongCat-Flash and MiniGPT-4 markup, chat in
Scots, Nigerian Pidgin, Jamaican Patois, Maithili and Tibetan with users pasting passwords, keys, cards, IBANs and phone
numbers, phone numbers of eight new regions, value shapes of its own in ``classes.py``, key-value rows named as the
files and paths of Supabase Auth, Outline, NetBird, Syncthing, Zigbee2MQTT, Frigate, ntfy, Vikunja, Wiki.js, Concourse,
Backstage and vendor settings with Frigate ``{FRIGATE_...}``, Wiki.js ``$(...)``, Concourse ``((...))``, Backstage
``${...}`` and ``!secret`` references, ``_FILE`` paths, publishable keys, client ids, title ids, key names and
documented example keys as negatives, and tables of its own: a marina's berth bookings, a blood service's donations
and a game studio's player support tickets);
``unbeknown`` was written after unannounced, by a twenty-fifth session that did not read the rules, to be scored once
(Chrome DevTools Protocol ``Network.requestWillBeSent`` events, Suricata EVE ``http`` events with their request headers
and Caddy access log entries (their private addresses named; Caddy logs ``Authorization`` as ``REDACTED``), Ruby
rest-client's request log, OWASP ZAP API messages, Vegeta targets files and wrk Lua scripts of the gateway's requests
with Duffel, Printful, Kiwi.com Tequila, FlightAware AeroAPI, Travelpayouts, Talon.One, Pushbullet and Open Charge Map
keys and Hasura and Cube JWTs, Vectara, Pinecone Assistant, Humanloop, Kagi FastGPT, Exa, Writesonic Chatsonic and
Lamini bodies, OpenLLM's debug log of the prompt it rendered, Facebook Messenger exports, Amazon Connect transcripts,
Drift, LINE, Salesforce Messaging for In-App and Web and Gladly conversations, GPT-SW3, DialoGPT, Qwen-VL-Chat,
Qwen2-Audio, Granite Code and BitNet markup, chat in Cantonese, Egyptian Arabic, Swiss German, Mauritian Creole and
Sicilian with users pasting passwords, keys, cards, IBANs and phone numbers, phone numbers of eight new regions, value
shapes of its own in ``classes.py``, key-value rows named as the files and paths of Netdata, Gatus, Rspamd, SearXNG,
Kavita, Jellyseerr, Mealie, FreshRSS, ZoneMinder, Gotify, Calibre-Web and vendor settings with SearXNG's documented
default secret, Moneris' documented test token, chezmoi references, ``_FILE`` paths, access keys, app ids, client ids
and publishable keys as negatives, and tables of its own: an Arctic expedition operator's bookings, a kitesurfing camp's
stays and a supply ship's cargo manifests);
``unreported`` was written after unbeknown, by a twenty-sixth session that did not read the rules, to be scored once
(the ClickHouse exporter's OpenTelemetry client spans with captured request headers (the egress proxy's address named;
the instrumentation's sanitize list shows ``[REDACTED]``), ASP.NET Core ``HttpLoggingMiddleware`` entries (headers
outside its allow-list read ``[Redacted]``), Laravel Telescope ``client_request`` entries (``authorization`` hidden),
``socat -v`` dumps, Spring's ``CommonsRequestLoggingFilter`` lines, Chucker exports (``**`` for redacted headers) and
Apache ``mod_dumpio`` traces of the gateway's requests with Rev.ai, Vast.ai, Permit.io, Cal.com, Rollbar, Honeybadger,
Admiralty Tidal API, Flagsmith and Kindful keys and iNaturalist, Firefly III and Cerebrium JWTs, Bland AI, RAGFlow,
MaxKB, Cloudflare AutoRAG, Not Diamond, QAnything and Langdock bodies, NVIDIA Dynamo's debug log of the prompt it
rendered, Nextcloud Talk, RingCentral, respond.io, Instagram Messaging, Viber bot and Mattermost bulk export
conversations, ShieldGemma, WildGuard, xLAM, SpeechGPT, KULLM v2 and DeepSeek-V2-Chat markup, chat in Latin, Upper
Sorbian, Ladino, Seychellois Creole and Bislama with users pasting passwords, keys, cards, IBANs and phone numbers,
phone numbers of American Samoa, Saint Barthélemy, the Cook Islands, the British Indian Ocean Territory, the Northern
Mariana Islands, Saint Pierre and Miquelon, Tokelau and the Vatican, value shapes of its own in ``classes.py``,
key-value rows named as the files and paths of the Gitea Actions runner, Semaphore UI, Umami, Baserow, NocoDB,
Budibase, Huginn, Cal.com, Flagsmith, GlitchTip, Mautic, Firefly III, Icecast, AzuraCast, Miniflux, BookStack and
vendor settings with Icecast's documented ``hackme``, Firefly III's documented ``SomeRandomStringOf32CharsExactly``,
``${...}``, ``{{ ... }}`` and ``op://`` references, ``_FILE`` paths, public keys and client ids as negatives, and tables
of its own: a whale-watching operator's bookings, a community radio's donors and a remote island clinic's
appointments).
Every cell carries the exact set of detector ids a correct scanner reports for it (row labels); a
column's labels are the union of its rows' plus column-level classes (``chat_text``). Tables:

* ``log_lines``: per detector a ``pos_<id>`` column (filler lines, some carrying a generated value
  in one of several shapes) and a ``neg_<id>`` column (its hard negatives), plus a clean ``message``;
* ``kv_settings`` / ``app_config``: key-value tables whose value column holds bare secrets named by
  the sibling key column, and a table of harmless settings with secret-sounding names;
* ``users`` / ``api_credentials``: bare e-mails, phones (national forms too), password hashes,
  IBANs, IPs, opaque tokens in columns whose name says what they hold, and look-alike columns;
* ``http_requests``: header dumps with session cookies under many names, user agents, client IPs;
* chat tables in several languages: role/content turns, prompts, answers, system prompts, short
  prompts, JSON chat requests, transcripts and chat-template markup; and wordy non-chat columns.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import string
import urllib.parse
from dataclasses import dataclass, field
from typing import Literal

from tests.data.discover import chat, contexts
from tests.data.discover import values as v
from tests.data.discover.classes import (
    HIDDEN_NEGATIVES,
    HIDDEN_POSITIVES,
    NEGATIVE_LABELS,
    NEGATIVES,
    POSITIVES,
    UNANNOUNCED_NEGATIVE_LABELS,
    UNANNOUNCED_NEGATIVES,
    UNANNOUNCED_POSITIVES,
    UNASKED_NEGATIVE_LABELS,
    UNASKED_NEGATIVES,
    UNASKED_POSITIVES,
    UNBEKNOWN_NEGATIVE_LABELS,
    UNBEKNOWN_NEGATIVES,
    UNBEKNOWN_POSITIVES,
    UNBIDDEN_NEGATIVE_LABELS,
    UNBIDDEN_NEGATIVES,
    UNBIDDEN_POSITIVES,
    UNCLAIMED_NEGATIVE_LABELS,
    UNCLAIMED_NEGATIVES,
    UNCLAIMED_POSITIVES,
    UNFORESEEN_NEGATIVE_LABELS,
    UNFORESEEN_NEGATIVES,
    UNFORESEEN_POSITIVES,
    UNGUESSED_NEGATIVE_LABELS,
    UNGUESSED_NEGATIVES,
    UNGUESSED_POSITIVES,
    UNHEARD_NEGATIVES,
    UNHEARD_POSITIVES,
    UNHEEDED_NEGATIVE_LABELS,
    UNHEEDED_NEGATIVES,
    UNHEEDED_POSITIVES,
    UNHERALDED_NEGATIVE_LABELS,
    UNHERALDED_NEGATIVES,
    UNHERALDED_POSITIVES,
    UNLISTED_NEGATIVE_LABELS,
    UNLISTED_NEGATIVES,
    UNLISTED_POSITIVES,
    UNMARKED_NEGATIVE_LABELS,
    UNMARKED_NEGATIVES,
    UNMARKED_POSITIVES,
    UNNAMED_NEGATIVE_LABELS,
    UNNAMED_NEGATIVES,
    UNNAMED_POSITIVES,
    UNNOTICED_NEGATIVE_LABELS,
    UNNOTICED_NEGATIVES,
    UNNOTICED_POSITIVES,
    UNREMARKED_NEGATIVE_LABELS,
    UNREMARKED_NEGATIVES,
    UNREMARKED_POSITIVES,
    UNREPORTED_NEGATIVE_LABELS,
    UNREPORTED_NEGATIVES,
    UNREPORTED_POSITIVES,
    UNSAID_NEGATIVE_LABELS,
    UNSAID_NEGATIVES,
    UNSAID_POSITIVES,
    UNSOUGHT_NEGATIVE_LABELS,
    UNSOUGHT_NEGATIVES,
    UNSOUGHT_POSITIVES,
    UNSPOKEN_NEGATIVE_LABELS,
    UNSPOKEN_NEGATIVES,
    UNSPOKEN_POSITIVES,
    UNSUNG_NEGATIVE_LABELS,
    UNSUNG_NEGATIVES,
    UNSUNG_POSITIVES,
    UNTOLD_NEGATIVE_LABELS,
    UNTOLD_NEGATIVES,
    UNTOLD_POSITIVES,
    UNVOICED_NEGATIVE_LABELS,
    UNVOICED_NEGATIVES,
    UNVOICED_POSITIVES,
    UNWRITTEN_NEGATIVE_LABELS,
    UNWRITTEN_NEGATIVES,
    UNWRITTEN_POSITIVES,
    _uan_authnet,
    _uan_brand,
    _uan_camt056,
    _uan_cnp_xml,
    _uan_dtmf,
    _uan_emv_tlv,
    _uan_epc_qr,
    _uan_fhir_telecom,
    _uan_form,
    _uan_msg91,
    _uan_obie,
    _uan_psd2,
    _uan_wise,
    _ubk_acmt023,
    _ubk_amount,
    _ubk_basic,
    _ubk_brand,
    _ubk_card_path,
    _ubk_datev,
    _ubk_fixed_width,
    _ubk_frac,
    _ubk_gpay,
    _ubk_graphql,
    _ubk_millis,
    _ubk_moneris,
    _ubk_name,
    _ubk_nav_invoice,
    _ubk_odoo_bank,
    _ubk_privatbank,
    _ubk_redis_monitor,
    _ubk_transcript,
    _ubk_vop,
    _ubk_whatsapp,
    _ubk_woo_meta,
    _ufs_aid_manifest,
    _ufs_amount,
    _ufs_bankline,
    _ufs_basic,
    _ufs_ocpp,
    _ufs_pain008,
    _ufs_payout_ir,
    _ufs_terminal,
    _ugs_basic,
    _ugs_camt053,
    _ugs_cemac,
    _ugs_clover,
    _ugs_iso8583,
    _ugs_pacs008,
    _ugs_receipt,
    _ugs_track2,
    _uhd_be_invoice,
    _uhd_hl7_phone,
    _uhd_nl_mandate,
    _uhd_norma19,
    _unt_airwallex,
    _unt_cybersource,
    _unt_debit_notice,
    _unt_pacs008,
    _unt_revolut,
    _unt_sap_bp,
    _urm_1c_export,
    _urm_basic,
    _urm_bceao_order,
    _urm_camt054,
    _urm_checkout,
    _urm_pain001,
    _urm_paysera,
    _urm_payzen,
    _urm_rapyd,
    _urm_yookassa,
    _urp_amount,
    _urp_auth_code,
    _urp_bambora,
    _urp_basic,
    _urp_brand,
    _urp_bulksms,
    _urp_bunq,
    _urp_clickatell,
    _urp_converge,
    _urp_hex_word,
    _urp_lemonway,
    _urp_mangopay,
    _urp_nmi,
    _urp_pain013,
    _urp_payline,
    _urp_paysafe,
    _urp_pennylane,
    _urp_qonto,
    _urp_receipt,
    _urp_saferpay,
    _urp_textmagic,
    _urp_unzer,
)

Split = Literal[
    "dev",
    "holdout",
    "fresh",
    "unseen",
    "novel",
    "sealed",
    "blind",
    "veiled",
    "hidden",
    "unheard",
    "untold",
    "unspoken",
    "unnamed",
    "unmarked",
    "unwritten",
    "unsaid",
    "unvoiced",
    "unsung",
    "unlisted",
    "unheeded",
    "unasked",
    "unbidden",
    "unsought",
    "unclaimed",
    "unheralded",
    "unnoticed",
    "unremarked",
    "unforeseen",
    "unguessed",
    "unannounced",
    "unbeknown",
    "unreported",
]
SEEDS: dict[str, int] = {
    "dev": 16,
    "holdout": 1016,
    "fresh": 2612,
    "unseen": 4242,
    "novel": 7077,
    "sealed": 9901,
    "blind": 5150,
    "veiled": 6464,
    "hidden": 8191,
    "unheard": 3779,
    "untold": 2718,
    "unspoken": 5741,
    "unnamed": 8363,
    "unmarked": 4099,
    "unwritten": 6733,
    "unsaid": 9421,
    "unvoiced": 7333,
    "unsung": 8419,
    "unlisted": 5903,
    "unheeded": 6151,
    "unasked": 7717,
    "unbidden": 3307,
    "unsought": 4421,
    "unclaimed": 6287,
    "unheralded": 7919,
    "unnoticed": 8807,
    "unremarked": 9137,
    "unforeseen": 9263,
    "unguessed": 9391,
    "unannounced": 9473,
    "unbeknown": 9551,
    "unreported": 9643,
}
PHONE_REGIONS: dict[str, tuple[str, ...]] = {
    "dev": ("US", "DE", "CN", "IN", "GB"),
    "holdout": ("JP", "FR", "BR", "IT", "ES", "AU", "US", "CN"),
    "fresh": ("MX", "NL", "SE", "KR", "PL", "ZA", "SG", "GB"),
    "unseen": ("IN", "BR", "DE", "FR", "JP", "CA", "IE", "NZ"),
    "novel": ("AR", "CO", "TR", "EG", "VN", "PH", "ID", "TH"),
    "sealed": ("NG", "KE", "PK", "BD", "SA", "AE", "CL", "PE"),
    "blind": ("IL", "GR", "CZ", "MY", "MA", "GH", "TW", "HU"),
    "veiled": ("PT", "UA", "NO", "AT", "VE", "LK", "NP", "TN"),
    "hidden": ("UY", "CR", "KZ", "QA", "RS", "SN", "EC", "TZ"),
    "unheard": ("SK", "IS", "BE", "JO", "ET", "PY", "KH", "LT"),
    "untold": ("LV", "EE", "HR", "SI", "CH", "DK", "RO", "DO"),
    "unspoken": ("FI", "BG", "AZ", "AL", "MK", "MN", "BO", "KW"),
    "unnamed": ("LU", "HN", "GT", "PA", "LB", "GE", "UZ", "MT"),
    "unmarked": ("CY", "BY", "OM", "BH", "NI", "SV", "ZW", "UG"),
    "unwritten": ("RW", "CM", "JM", "MD", "KG", "MZ", "DZ", "ME"),
    "unsaid": ("LA", "ZM", "BW", "NA", "TT", "MU", "MW", "AM"),
    "unvoiced": ("SO", "NE", "TJ", "AO", "MG", "MM", "IQ", "FJ"),
    "unsung": ("HK", "CI", "AF", "BA", "PG", "HT", "BN", "GY"),
    "unlisted": ("PR", "SR", "BZ", "BJ", "TG", "LR", "SL", "MV"),
    "unheeded": ("GA", "CG", "TD", "DJ", "BB", "BS", "VU", "WS"),
    "unasked": ("SC", "KM", "LS", "SZ", "MR", "BF", "TL", "BT"),
    "unbidden": ("GM", "GW", "GQ", "ST", "ER", "SS", "BI", "KI"),
    "unsought": ("CV", "LY", "YE", "TM", "AD", "MC", "SB", "TO"),
    "unclaimed": ("LC", "GD", "DM", "KN", "AG", "VC", "PW", "MH"),
    "unheralded": ("NR", "TV", "FM", "KY", "BM", "AI", "MS", "TC"),
    "unnoticed": ("GL", "GI", "AW", "CW", "NC", "PF", "LI", "SM"),
    "unremarked": ("RU", "MO", "RE", "CD", "GN", "ML", "XK", "GU"),
    "unforeseen": ("FO", "IR", "SD", "SY", "PS", "JE", "IM", "GF"),
    "unguessed": ("CU", "AX", "GP", "MQ", "CF", "VI", "BQ", "NU"),
    "unannounced": ("GG", "KP", "MF", "SX", "VG", "WF", "YT", "FK"),
    "unbeknown": ("AC", "SH", "TA", "CC", "CX", "NF", "EH", "SJ"),
    "unreported": ("AS", "BL", "CK", "IO", "MP", "PM", "TK", "VA"),
}
ROWS = 40
POSITIVE_ROWS = 8
COLUMN_LEVEL = frozenset({"chat_text"})  # judged per column, not per row


@dataclass
class CorpusTable:
    name: str
    columns: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[str, frozenset[str]] = field(default_factory=dict)
    row_labels: dict[str, list[frozenset[str]]] = field(default_factory=dict)

    def add(
        self,
        column: str,
        cells: list[tuple[str, frozenset[str]]],
        column_labels: frozenset[str] = frozenset(),
    ) -> None:
        self.columns[column] = [text for text, _ in cells]
        self.row_labels[column] = [labels for _, labels in cells]
        self.labels[column] = frozenset().union(*(labels for _, labels in cells)) | column_labels


NONE: frozenset[str] = frozenset()


def _one(d: str) -> frozenset[str]:
    return frozenset({d})


class _Builder:
    def __init__(self, split: Split) -> None:
        self.split = split
        self.r = random.Random(SEEDS[split])
        self._dump_labels: frozenset[str] = NONE  # what the last header dump named besides its headers (unlisted)
        self._dump_masked = False  # whether the last header dump masked the key itself (unheeded, unasked...)
        self._reply_echoes = False  # whether the last reply echoed the user's turn (unasked, unbidden, unsought)
        self._ugs_target: tuple[str, str] | None = None  # the host and path of the last vendor drawn (unguessed)
        self._ugs_dump_labels: frozenset[str] = NONE  # what the last dump named besides its headers (unguessed)
        self._uan_target: tuple[str, str] | None = None  # the host and path of the last vendor drawn (unannounced)
        self._uan_key_header: str | None = None  # the header that carried the last vendor's key (unannounced)
        self._uan_dump_labels: frozenset[str] = NONE  # what the last dump named besides its headers (unannounced)
        self._ubk_target: tuple[str, str] | None = None  # the host and path of the last vendor drawn (unbeknown)
        self._ubk_key_header: str | None = None  # the header that carried the last vendor's key (unbeknown)
        self._ubk_dump_labels: frozenset[str] = NONE  # what the last dump named besides its headers (unbeknown)
        self._urp_target: tuple[str, str] | None = None  # the host and path of the last vendor drawn (unreported)
        self._urp_key_header: str | None = None  # the header that carried the last vendor's key (unreported)
        self._urp_dump_labels: frozenset[str] = NONE  # what the last dump named besides its headers (unreported)

    def filler(self) -> tuple[str, frozenset[str]]:
        return contexts.filler(self.r, self.split), NONE

    def column(self, extra: list[tuple[str, frozenset[str]]], rows: int = ROWS) -> list[tuple[str, frozenset[str]]]:
        cells = [self.filler() for _ in range(rows)]
        for slot, cell in zip(sorted(self.r.sample(range(rows), len(extra))), extra, strict=True):
            cells[slot] = cell
        return cells

    # ------------------------------------------------------------------------ tables

    def log_lines(self) -> CorpusTable:
        table = CorpusTable("log_lines")
        for d in sorted(POSITIVES):
            gens = POSITIVES[d]
            negative_gens = NEGATIVES[d]
            own = {
                "hidden": (HIDDEN_POSITIVES, HIDDEN_NEGATIVES),
                "unheard": (UNHEARD_POSITIVES, UNHEARD_NEGATIVES),
                "untold": (UNTOLD_POSITIVES, UNTOLD_NEGATIVES),
                "unspoken": (UNSPOKEN_POSITIVES, UNSPOKEN_NEGATIVES),
                "unnamed": (UNNAMED_POSITIVES, UNNAMED_NEGATIVES),
                "unmarked": (UNMARKED_POSITIVES, UNMARKED_NEGATIVES),
                "unwritten": (UNWRITTEN_POSITIVES, UNWRITTEN_NEGATIVES),
                "unsaid": (UNSAID_POSITIVES, UNSAID_NEGATIVES),
                "unvoiced": (UNVOICED_POSITIVES, UNVOICED_NEGATIVES),
                "unsung": (UNSUNG_POSITIVES, UNSUNG_NEGATIVES),
                "unlisted": (UNLISTED_POSITIVES, UNLISTED_NEGATIVES),
                "unheeded": (UNHEEDED_POSITIVES, UNHEEDED_NEGATIVES),
                "unasked": (UNASKED_POSITIVES, UNASKED_NEGATIVES),
                "unbidden": (UNBIDDEN_POSITIVES, UNBIDDEN_NEGATIVES),
                "unsought": (UNSOUGHT_POSITIVES, UNSOUGHT_NEGATIVES),
                "unclaimed": (UNCLAIMED_POSITIVES, UNCLAIMED_NEGATIVES),
                "unheralded": (UNHERALDED_POSITIVES, UNHERALDED_NEGATIVES),
                "unnoticed": (UNNOTICED_POSITIVES, UNNOTICED_NEGATIVES),
                "unremarked": (UNREMARKED_POSITIVES, UNREMARKED_NEGATIVES),
                "unforeseen": (UNFORESEEN_POSITIVES, UNFORESEEN_NEGATIVES),
                "unguessed": (UNGUESSED_POSITIVES, UNGUESSED_NEGATIVES),
                "unannounced": (UNANNOUNCED_POSITIVES, UNANNOUNCED_NEGATIVES),
                "unbeknown": (UNBEKNOWN_POSITIVES, UNBEKNOWN_NEGATIVES),
                "unreported": (UNREPORTED_POSITIVES, UNREPORTED_NEGATIVES),
            }
            if self.split in own:  # its own shapes first, so that every one is drawn; shared indices kept
                own_positives, own_negatives = own[self.split]
                gens = own_positives.get(d, []) + gens
                negative_gens = negative_gens + own_negatives.get(d, [])
            positives = [
                (contexts.wrap(self.r, self.split, gens[i % len(gens)](self.r)), _one(d)) for i in range(POSITIVE_ROWS)
            ]
            table.add(f"pos_{d}", self.column(positives))
            negative_labels = dict(NEGATIVE_LABELS)
            own_labels = {
                "untold": UNTOLD_NEGATIVE_LABELS,
                "unspoken": UNSPOKEN_NEGATIVE_LABELS,
                "unnamed": UNNAMED_NEGATIVE_LABELS,
                "unmarked": UNMARKED_NEGATIVE_LABELS,
                "unwritten": UNWRITTEN_NEGATIVE_LABELS,
                "unsaid": UNSAID_NEGATIVE_LABELS,
                "unvoiced": UNVOICED_NEGATIVE_LABELS,
                "unsung": UNSUNG_NEGATIVE_LABELS,
                "unlisted": UNLISTED_NEGATIVE_LABELS,
                "unheeded": UNHEEDED_NEGATIVE_LABELS,
                "unasked": UNASKED_NEGATIVE_LABELS,
                "unbidden": UNBIDDEN_NEGATIVE_LABELS,
                "unsought": UNSOUGHT_NEGATIVE_LABELS,
                "unclaimed": UNCLAIMED_NEGATIVE_LABELS,
                "unheralded": UNHERALDED_NEGATIVE_LABELS,
                "unnoticed": UNNOTICED_NEGATIVE_LABELS,
                "unremarked": UNREMARKED_NEGATIVE_LABELS,
                "unforeseen": UNFORESEEN_NEGATIVE_LABELS,
                "unguessed": UNGUESSED_NEGATIVE_LABELS,
                "unannounced": UNANNOUNCED_NEGATIVE_LABELS,
                "unbeknown": UNBEKNOWN_NEGATIVE_LABELS,
                "unreported": UNREPORTED_NEGATIVE_LABELS,
            }
            if self.split in own_labels:  # its own negatives' labels, by index past the shared ones
                shared = len(NEGATIVES[d])
                negative_labels = {k: val for k, val in NEGATIVE_LABELS.items() if k[0] != d or k[1] < shared}
                negative_labels |= {(d, shared + i): val for (e, i), val in own_labels[self.split].items() if e == d}
            negatives = [
                (contexts.wrap(self.r, self.split, gen(self.r)), negative_labels.get((d, i), NONE))
                for i, gen in enumerate(negative_gens)
            ]
            table.add(f"neg_{d}", self.column(negatives))
        table.add("message", [self.filler() for _ in range(ROWS)])
        return table

    def kv_settings(self) -> CorpusTable:
        r = self.r
        secret_rows = [
            ("aws_secret_access_key", v.aws_secret),
            ("db_password", v.password),
            ("smtp_password", v.password),
            ("api_token", v.opaque_token),
            ("webhook_signing_secret", lambda r: "whsec_" + v.rand(r, v.ALNUM, 32)),
            ("jwt_secret", lambda r: v.rand(r, v.ALNUM + "-_", 48)),
            ("encryption_key", lambda r: v.b64(r.randbytes(32))),
            ("ldap.bind.password", v.password),
            ("PAYMENT_PROVIDER_SECRET", lambda r: v.rand(r, v.ALNUM, 40)),
            ("oauth.client_secret", v.opaque_token),
        ]
        vendor_rows = [
            ("openai_api_key", v.openai_project, "openai_project_key"),
            ("github_token", None, "github_classic_token"),
        ]
        plain_rows = [
            ("region", lambda r: v.pick(r, "eu-west-1", "us-east-2")),
            ("max_connections", lambda r: str(r.randrange(10, 500))),
            ("log_level", lambda r: v.pick(r, "debug", "info")),
            ("feature.chat_history", lambda r: v.pick(r, "true", "false")),
            ("password_min_length", lambda r: str(r.randrange(8, 16))),
            ("token_ttl_seconds", lambda r: str(r.randrange(600, 86400))),
            ("secret_rotation_days", lambda r: str(r.randrange(30, 180))),
            ("smtp_host", lambda r: "smtp.mail.internal"),
            ("support_url", lambda r: "https://help.acme.io/contact"),
            ("password_policy", lambda r: "strong"),
            ("api_token_header", lambda r: "X-Api-Token"),
            ("session_cookie_name", lambda r: v.pick(r, "sid", "acme_session")),
        ]
        if self.split == "untold":  # its own key names
            secret_rows, vendor_rows, plain_rows = _UNTOLD_SECRET_ROWS, _UNTOLD_VENDOR_ROWS, _UNTOLD_PLAIN_ROWS
        if self.split == "unspoken":  # its own key names
            secret_rows, vendor_rows, plain_rows = _UNSPOKEN_SECRET_ROWS, _UNSPOKEN_VENDOR_ROWS, _UNSPOKEN_PLAIN_ROWS
        if self.split == "unnamed":  # its own key names (.properties, appsettings sections, Helm value paths)
            secret_rows, vendor_rows, plain_rows = _UNNAMED_SECRET_ROWS, _UNNAMED_VENDOR_ROWS, _UNNAMED_PLAIN_ROWS
        if self.split == "unmarked":  # its own key names: Spring properties, Consul paths, Terraform and .env names
            secret_rows, vendor_rows, plain_rows = _UNMARKED_SECRET_ROWS, _UNMARKED_VENDOR_ROWS, _UNMARKED_PLAIN_ROWS
        if self.split == "unwritten":  # its own key names: SSM parameter paths, Key Vault names, Vault paths, Rails...
            secret_rows, vendor_rows, plain_rows = _UNWRITTEN_SECRET_ROWS, _UNWRITTEN_VENDOR_ROWS, _UNWRITTEN_PLAIN_ROWS
        if self.split == "unsaid":  # its own key names: 1Password references, GCP Secret Manager, Doppler, k8s keys
            secret_rows, vendor_rows, plain_rows = _UNSAID_SECRET_ROWS, _UNSAID_VENDOR_ROWS, _UNSAID_PLAIN_ROWS
        if self.split == "unvoiced":  # its own key names: .NET configuration keys, Pulumi settings, etcd paths
            secret_rows, vendor_rows, plain_rows = _UNVOICED_SECRET_ROWS, _UNVOICED_VENDOR_ROWS, _UNVOICED_PLAIN_ROWS
        if (
            self.split == "unsung"
        ):  # its own key names: Ansible group_vars, Salt pillar keys, Chef data bags, Nomad vars
            secret_rows, vendor_rows, plain_rows = _UNSUNG_SECRET_ROWS, _UNSUNG_VENDOR_ROWS, _UNSUNG_PLAIN_ROWS
        if self.split == "unlisted":  # its own key names: Kubernetes Secrets, Azure App Configuration, Heroku, Fly...
            secret_rows, vendor_rows, plain_rows = _UNLISTED_SECRET_ROWS, _UNLISTED_VENDOR_ROWS, _UNLISTED_PLAIN_ROWS
        if (
            self.split == "unheeded"
        ):  # its own key names: Jenkins, Drone, External Secrets, Bitwarden, Infisical, SOPS...
            secret_rows, vendor_rows, plain_rows = _UNHEEDED_SECRET_ROWS, _UNHEEDED_VENDOR_ROWS, _UNHEEDED_PLAIN_ROWS
        if self.split == "unasked":  # its own key names: Conjur, Akeyless, Keeper, gopass, systemd-creds, Podman...
            secret_rows, vendor_rows, plain_rows = _UNASKED_SECRET_ROWS, _UNASKED_VENDOR_ROWS, _UNASKED_PLAIN_ROWS
        if self.split == "unbidden":  # its own key names: Salt pillar, Hiera, Odoo parameters, App Service, ECS...
            secret_rows, vendor_rows, plain_rows = _UNBIDDEN_SECRET_ROWS, _UNBIDDEN_VENDOR_ROWS, _UNBIDDEN_PLAIN_ROWS
        if self.split == "unsought":  # its own key names: Teleport, OpenVPN, strongSwan, Kamailio, Rundeck, Flink...
            secret_rows, vendor_rows, plain_rows = _UNSOUGHT_SECRET_ROWS, _UNSOUGHT_VENDOR_ROWS, _UNSOUGHT_PLAIN_ROWS
        if self.split == "unclaimed":  # its own key names: Gitea, Mattermost, Superset, SonarQube, NiFi, Authelia...
            secret_rows, vendor_rows, plain_rows = _UNCLAIMED_SECRET_ROWS, _UNCLAIMED_VENDOR_ROWS, _UNCLAIMED_PLAIN_ROWS
        if self.split == "unheralded":  # its own key names: MuleSoft, Camel, Node-RED, Mirth, Moodle, CAS, Telegraf...
            secret_rows = _UNHERALDED_SECRET_ROWS
            vendor_rows, plain_rows = _UNHERALDED_VENDOR_ROWS, _UNHERALDED_PLAIN_ROWS
        if self.split == "unnoticed":  # its own key names: Airbyte, Argo, Milvus, Velero, Wazuh, REDCap, DLMS...
            secret_rows = _UNNOTICED_SECRET_ROWS
            vendor_rows, plain_rows = _UNNOTICED_VENDOR_ROWS, _UNNOTICED_PLAIN_ROWS
        if self.split == "unremarked":  # its own key names: Dokku, Coolify, Tyk, Pulsar, Kestra, Strapi, YooKassa...
            secret_rows = _UNREMARKED_SECRET_ROWS
            vendor_rows, plain_rows = _UNREMARKED_VENDOR_ROWS, _UNREMARKED_PLAIN_ROWS
        if self.split == "unforeseen":  # its own key names: ZITADEL, Vaultwarden, APISIX, Patroni, n8n, Kavenegar...
            secret_rows = _UNFORESEEN_SECRET_ROWS
            vendor_rows, plain_rows = _UNFORESEEN_VENDOR_ROWS, _UNFORESEEN_PLAIN_ROWS
        if self.split == "unguessed":  # its own key names: Forgejo, PostgREST, EMQX, Kanidm, OpenBao, Retell, Kling...
            secret_rows = _UNGUESSED_SECRET_ROWS
            vendor_rows, plain_rows = _UNGUESSED_VENDOR_ROWS, _UNGUESSED_PLAIN_ROWS
        if (
            self.split == "unannounced"
        ):  # its own key names: GoTrue, Outline, NetBird, Syncthing, Zigbee2MQTT, Paystack...
            secret_rows = _UNANNOUNCED_SECRET_ROWS
            vendor_rows, plain_rows = _UNANNOUNCED_VENDOR_ROWS, _UNANNOUNCED_PLAIN_ROWS
        if self.split == "unbeknown":  # its own key names: Netdata, Gatus, Rspamd, SearXNG, Kavita, Duffel, Bókun...
            secret_rows = _UNBEKNOWN_SECRET_ROWS
            vendor_rows, plain_rows = _UNBEKNOWN_VENDOR_ROWS, _UNBEKNOWN_PLAIN_ROWS
        if self.split == "unreported":  # its own key names: act_runner, Semaphore, Umami, Baserow, Icecast, Rollbar...
            secret_rows = _UNREPORTED_SECRET_ROWS
            vendor_rows, plain_rows = _UNREPORTED_VENDOR_ROWS, _UNREPORTED_PLAIN_ROWS
        keys: list[str] = []
        vals: list[tuple[str, frozenset[str]]] = []
        for _ in range(ROWS):
            roll = r.random()
            if roll < 0.4:
                key, gen = r.choice(secret_rows)
                keys.append(key)
                vals.append((gen(r), _one("named_secret")))
            elif roll < 0.5:
                key, gen2, label = r.choice(vendor_rows)
                keys.append(key)
                vals.append((gen2(r) if gen2 else v.github_token(r, "ghp"), _one(label)))
            else:
                key, gen = r.choice(plain_rows)
                keys.append(key)
                vals.append((gen(r), NONE))
        table = CorpusTable("kv_settings")
        table.add("key", [(k, NONE) for k in keys])
        table.add("value", vals)
        table.add("updated_by", [(v.pick(r, "deploy-bot", "terraform", "ops"), NONE) for _ in range(ROWS)])
        return table

    def app_config(self) -> CorpusTable:
        r = self.r
        rows = [
            ("db_password", lambda r: v.pick(r, "", "${DB_PASSWORD}", "<set in vault>", "********")),
            ("api_token", lambda r: v.pick(r, "CHANGE_ME", "{{ api_token }}", "none")),
            ("secret_backend", lambda r: "vault"),
            ("password_reset_enabled", lambda r: "true"),
            ("token_endpoint", lambda r: "https://auth.acme.io/oauth/token"),
            ("private_key_path", lambda r: "/etc/ssl/private/server.key"),
            ("cache_size", lambda r: str(r.randrange(100, 10_000))),
            ("timezone", lambda r: "Europe/Berlin"),
            ("access_key_id_hint", lambda r: "last4=" + v.rand(r, string.digits, 4)),
            ("encryption_algorithm", lambda r: v.pick(r, "AES-256-GCM", "ChaCha20-Poly1305")),
        ]
        chosen = [r.choice(rows) for _ in range(ROWS)]
        table = CorpusTable("app_config")
        table.add("name", [(k, NONE) for k, _ in chosen])
        table.add("val", [(gen(r), NONE) for _, gen in chosen])
        return table

    def users(self) -> CorpusTable:
        r = self.r
        regions = PHONE_REGIONS[self.split]
        table = CorpusTable("users")
        table.add("email", [(v.email(r), _one("email")) for _ in range(ROWS)])
        if self.split == "untold":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNTOLD_HASH_FAMILIES
            table.add("phone", [(v.untold_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.untold_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.untold_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unspoken":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNSPOKEN_HASH_FAMILIES
            table.add("phone", [(v.unspoken_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unspoken_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unspoken_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unnamed":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNNAMED_HASH_FAMILIES
            table.add("phone", [(v.unnamed_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unnamed_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unnamed_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unmarked":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNMARKED_HASH_FAMILIES
            table.add("phone", [(v.unmarked_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unmarked_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unmarked_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unwritten":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNWRITTEN_HASH_FAMILIES
            table.add("phone", [(v.unwritten_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unwritten_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unwritten_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unsaid":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNSAID_HASH_FAMILIES
            table.add("phone", [(v.unsaid_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unsaid_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unsaid_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unvoiced":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNVOICED_HASH_FAMILIES
            table.add("phone", [(v.unvoiced_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unvoiced_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unvoiced_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unsung":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNSUNG_HASH_FAMILIES
            table.add("phone", [(v.unsung_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unsung_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unsung_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unlisted":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNLISTED_HASH_FAMILIES
            table.add("phone", [(v.unlisted_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unlisted_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unlisted_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unheeded":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNHEEDED_HASH_FAMILIES
            table.add("phone", [(v.unheeded_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unheeded_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unheeded_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unasked":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNASKED_HASH_FAMILIES
            table.add("phone", [(v.unasked_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unasked_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unasked_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unbidden":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNBIDDEN_HASH_FAMILIES
            table.add("phone", [(v.unbidden_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unbidden_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unbidden_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unsought":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNSOUGHT_HASH_FAMILIES
            table.add("phone", [(v.unsought_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unsought_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unsought_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unclaimed":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNCLAIMED_HASH_FAMILIES
            table.add("phone", [(v.unclaimed_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unclaimed_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unclaimed_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unheralded":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNHERALDED_HASH_FAMILIES
            table.add("phone", [(v.unheralded_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unheralded_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unheralded_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unnoticed":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNNOTICED_HASH_FAMILIES
            table.add("phone", [(v.unnoticed_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unnoticed_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unnoticed_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unremarked":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNREMARKED_HASH_FAMILIES
            table.add("phone", [(v.unremarked_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unremarked_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unremarked_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unforeseen":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNFORESEEN_HASH_FAMILIES
            table.add("phone", [(v.unforeseen_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unforeseen_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unforeseen_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unguessed":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNGUESSED_HASH_FAMILIES
            table.add("phone", [(v.unguessed_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unguessed_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unguessed_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unannounced":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNANNOUNCED_HASH_FAMILIES
            table.add("phone", [(v.unannounced_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unannounced_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unannounced_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unbeknown":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNBEKNOWN_HASH_FAMILIES
            table.add("phone", [(v.unbeknown_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unbeknown_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unbeknown_iban(r), _one("iban")) for _ in range(ROWS)])
        elif self.split == "unreported":  # its own phone forms, every hash family in turn, its own IBAN countries
            families = v.UNREPORTED_HASH_FAMILIES
            table.add("phone", [(v.unreported_phone(r, regions), _one("phone")) for _ in range(ROWS)])
            hashes = [v.unreported_password_hash(r, families[i % len(families)]) for i in range(ROWS)]
            table.add("password_hash", [(h, _one("password_hash")) for h in hashes])
            table.add("iban", [(v.unreported_iban(r), _one("iban")) for _ in range(ROWS)])
        else:
            table.add("phone", [(v.phone(r, regions), _one("phone")) for _ in range(ROWS)])
            table.add("password_hash", [(v.password_hash(r), _one("password_hash")) for _ in range(ROWS)])
            table.add("iban", [(v.iban(r), _one("iban")) for _ in range(ROWS)])
        ips = [v.ipv4(r) if r.random() < 0.6 else v.ipv6(r) for _ in range(ROWS)]
        table.add("signup_ip", [(ip, _one("ipv6" if ":" in ip else "ipv4")) for ip in ips])
        table.add(
            "card_last4",
            [
                (v.pick(r, "4242", "**** 1234", "XXXX-XXXX-XXXX-" + v.rand(r, string.digits, 4)), NONE)
                for _ in range(ROWS)
            ],
        )
        table.add(
            "display_name", [(v.pick(r, "Anna K.", "李伟", "kenji_t", "Fatima", "noah99"), NONE) for _ in range(ROWS)]
        )
        table.add(
            "app_version",
            [
                (f"{r.randrange(1, 9)}.{r.randrange(0, 20)}.{r.randrange(0, 9)}.{r.randrange(0, 200)}", NONE)
                for _ in range(ROWS)
            ],
        )
        return table

    def api_credentials(self) -> CorpusTable:
        r = self.r
        table = CorpusTable("api_credentials")
        table.add("access_token", [(v.opaque_token(r), _one("named_secret")) for _ in range(ROWS)])
        table.add("client_secret", [(v.rand(r, v.ALNUM + "_-", 40), _one("named_secret")) for _ in range(ROWS)])
        table.add("token_type", [(v.pick(r, "Bearer", "bearer", "MAC"), NONE) for _ in range(ROWS)])
        table.add("key_prefix", [(v.pick(r, "sk-ab12", "pk_live_", "AKIA", "ghp_"), NONE) for _ in range(ROWS)])
        table.add(
            "secret_name",
            [(v.pick(r, "prod/db/password", "stripe-live-key", "gcp-sa-json"), NONE) for _ in range(ROWS)],
        )
        table.add("token_sha256", [(v.rand(r, v.HEX, 64), NONE) for _ in range(ROWS)])
        return table

    def http_requests(self) -> CorpusTable:
        r = self.r
        headers: list[tuple[str, frozenset[str]]] = []
        cookies = POSITIVES["session_cookie"][:5]
        if self.split == "unheard":  # its own session cookies (Rails, Flask, ASP.NET Core) drawn too
            cookies = UNHEARD_POSITIVES["session_cookie"] + cookies
        if self.split == "untold":  # its own session cookies (GitLab, CodeIgniter, Jetty, Laravel, Drupal...) too
            cookies = UNTOLD_POSITIVES["session_cookie"] + cookies
        if self.split == "unspoken":  # its own session cookies (Moodle, Roundcube, Gitea, Phoenix, SAP...) too
            cookies = UNSPOKEN_POSITIVES["session_cookie"] + cookies
        if self.split == "unnamed":  # its own session cookies (Kibana, oauth2-proxy, Odoo, Zabbix, Koa...) too
            cookies = UNNAMED_POSITIVES["session_cookie"] + cookies
        if self.split == "unmarked":  # its own session cookies (Kibana, Jupyter, oauth2-proxy, Nextcloud, Odoo...) too
            cookies = UNMARKED_POSITIVES["session_cookie"] + cookies
        if self.split == "unwritten":  # its own session cookies (Shibboleth, ForgeRock AM, SiteMinder, F5 APM...) too
            cookies = UNWRITTEN_POSITIVES["session_cookie"] + cookies
        if self.split == "unsaid":  # its own session cookies (Metabase, Rancher, Rocket.Chat, Plone, Proxmox...) too
            cookies = UNSAID_POSITIVES["session_cookie"] + cookies
        if self.split == "unvoiced":  # its own session cookies (express-session, authentik, Redmine, JupyterHub...) too
            cookies = UNVOICED_POSITIVES["session_cookie"] + cookies
        if self.split == "unsung":  # its own session cookies (Rack, express-openid-connect, Pomerium, Vouch...) too
            cookies = UNSUNG_POSITIVES["session_cookie"] + cookies
        if self.split == "unlisted":  # its own session cookies (pgAdmin, Beaker, tower-sessions, Gradio, Harbor...) too
            cookies = UNLISTED_POSITIVES["session_cookie"] + cookies
        if self.split == "unheeded":  # its own session cookies (AWS ALB, Sourcegraph, AdonisJS, Vapor, Ghost...) too
            cookies = UNHEEDED_POSITIVES["session_cookie"] + cookies
        if self.split == "unasked":  # its own session cookies (cPanel, Zimbra, Matomo, Sentry, OpenProject...) too
            cookies = UNASKED_POSITIVES["session_cookie"] + cookies
        if self.split == "unbidden":  # its own session cookies (OpenMediaVault, SOGo, vBulletin, Tomcat SSO...) too
            cookies = UNBIDDEN_POSITIVES["session_cookie"] + cookies
        if self.split == "unsought":  # its own session cookies (Rundeck, Icinga Web, Metabase, Superset, Synapse) too
            cookies = UNSOUGHT_POSITIVES["session_cookie"] + cookies
        if self.split == "unclaimed":  # its own session cookies (Zammad, XenForo, osTicket, CakePHP, Mastodon) too
            cookies = UNCLAIMED_POSITIVES["session_cookie"] + cookies
        if self.split == "unheralded":  # its own session cookies (Apereo CAS, Canvas, Koha, Snipe-IT, Dolibarr) too
            cookies = UNHERALDED_POSITIVES["session_cookie"] + cookies
        if self.split == "unnoticed":  # its own session cookies (OpenSearch Dashboards, AWX, Passbolt, mellon...) too
            cookies = UNNOTICED_POSITIVES["session_cookie"] + cookies
        if self.split == "unremarked":  # its own session cookies (Coolify, Redash, Appsmith, 1C-Bitrix, Ory...) too
            cookies = UNREMARKED_POSITIVES["session_cookie"] + cookies
        if self.split == "unforeseen":  # its own session cookies (OpenCart, WHMCS, Horde, SquirrelMail, Craft...) too
            cookies = UNFORESEEN_POSITIVES["session_cookie"] + cookies
        if self.split == "unguessed":  # its own session cookies (Joomla, Phabricator, Gerrit, Bugzilla, Trac...) too
            cookies = UNGUESSED_POSITIVES["session_cookie"] + cookies
        if self.split == "unannounced":  # its own session cookies (MantisBT, OTRS, Splunk, TeamCity, Nexus...) too
            cookies = UNANNOUNCED_POSITIVES["session_cookie"] + cookies
        if self.split == "unbeknown":  # its own session cookies (UniFi, Plesk, ISPConfig, Checkmk, TYPO3, Kimai...) too
            cookies = UNBEKNOWN_POSITIVES["session_cookie"] + cookies
        if self.split == "unreported":  # its own session cookies (Huginn, BookStack, Firefly III, Semaphore...) too
            cookies = UNREPORTED_POSITIVES["session_cookie"] + cookies
        for _ in range(ROWS):
            roll = r.random()
            base = f"GET {contexts._path(r)} HTTP/1.1\\nHost: api.acme.io\\nAccept: application/json"
            if roll < 0.35:
                headers.append((base + "\\n" + cookies[r.randrange(len(cookies))](r), _one("session_cookie")))
            elif roll < 0.45:
                headers.append(
                    (base + f"\\nCookie: lang=en; {v.pick(r, 'auth', 'token', 'id_token')}={v.jwt(r)}", _one("jwt"))
                )
            elif roll < 0.55:
                headers.append((base + "\\nCookie: theme=dark; lang=de; consent=granted; _ga=GA1.2.1234.5678", NONE))
            else:
                headers.append((base, NONE))
        table = CorpusTable("http_requests")
        table.add("headers", headers)
        agents = [
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0.6099.109 Safari/537.36",
            "curl/7.88.1",
            "python-httpx/0.27.0",
            "ClickHouse/24.3.5.46 (official build)",
            "okhttp/4.12.0 Android/14 build=7.52.0.1",
        ]
        table.add("user_agent", [(r.choice(agents), NONE) for _ in range(ROWS)])
        ips = [v.ipv4(r) for _ in range(ROWS)]
        table.add("client_ip", [(ip, _one("ipv4")) for ip in ips])
        return table

    def api_logs(self) -> CorpusTable:
        """An LLM API gateway's request log: headers, bodies, masked keys, hashes, embeddings, errors."""
        r = self.r
        langs = self._languages()
        exchanges = [ex for lang in langs for ex in chat.EXCHANGES[lang]]
        vendors = (
            (v.openai_project, "openai_project_key"),
            (v.anthropic, "anthropic_api_key"),
            (v.deepseek, "deepseek_api_key"),
            (v.gcp_token, "gcp_oauth_token"),
        )
        if self.split == "untold":  # Gemini's own key header too
            vendors = (*vendors, (lambda r: "AIza" + v.rand(r, v.ALNUM + "_-", 35), "google_api_key"))
        if self.split == "unnamed":  # Mistral's bare 32-character keys and today's OpenAI key format too
            vendors = (
                *vendors,
                (lambda r: v.rand(r, v.ALNUM, 32), "bearer_token"),
                (v.unnamed_proj_key, "openai_project_key"),
            )
        if self.split == "unmarked":  # Azure OpenAI's own key header too (32 hex digits, named by the header)
            vendors = (*vendors, (lambda r: v.rand(r, v.HEX, 32), "generic_secret"))
        if self.split == "unwritten":  # Groq's keys (no detector of their own: a bearer token) and IBM Cloud IAM JWTs
            vendors = (*vendors, (lambda r: "gsk_" + v.rand(r, v.ALNUM, 52), "bearer_token"), (v.ibm_iam_token, "jwt"))
        if self.split == "unsaid":  # xAI, Perplexity, Fireworks and Replicate keys (no detector of their own: bearer
            vendors = (  # tokens) and Hugging Face tokens for its Inference Endpoints
                *vendors,
                (v.unsaid_xai_key, "bearer_token"),
                (v.unsaid_pplx_key, "bearer_token"),
                (v.unsaid_fireworks_key, "bearer_token"),
                (v.unsaid_replicate_token, "bearer_token"),
                (lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
            )
        if self.split == "unvoiced":  # Cerebras, Voyage, Jina and Zhipu keys (no detector of their own: bearer tokens),
            vendors = (  # Nebius AI Studio's JWT keys and DashScope's sk- keys of 32 hex digits
                *vendors,
                (v.unvoiced_cerebras_key, "bearer_token"),
                (v.unvoiced_voyage_key, "bearer_token"),
                (v.unvoiced_jina_key, "bearer_token"),
                (v.unvoiced_zhipu_key, "bearer_token"),
                (v.unvoiced_nebius_token, "jwt"),
                (v.unvoiced_dashscope_key, "deepseek_api_key"),
            )
        if self.split == "unsung":  # NVIDIA, Firecrawl, Tavily, Baidu Qianfan keys and Yandex IAM tokens (no detector
            vendors = (  # of their own: bearer tokens) and GigaChat's authorization key (Basic: client id and secret)
                *vendors,
                (v.unsung_nvidia_key, "bearer_token"),
                (v.unsung_firecrawl_key, "bearer_token"),
                (v.unsung_tavily_key, "bearer_token"),
                (v.unsung_qianfan_key, "bearer_token"),
                (v.unsung_yandex_iam_token, "bearer_token"),
                (lambda r: v.b64(f"{contexts._rid(r)}:{contexts._rid(r)}".encode()), "basic_auth"),
            )
        if self.split == "unlisted":  # Upstage, SiliconFlow, Moonshot, Anyscale, Predibase and Helicone keys (no
            vendors = (  # detector of their own: bearer tokens) and OctoAI's JWT tokens
                *vendors,
                (v.unlisted_upstage_key, "bearer_token"),
                (v.unlisted_siliconflow_key, "bearer_token"),
                (v.unlisted_moonshot_key, "bearer_token"),
                (v.unlisted_anyscale_key, "bearer_token"),
                (v.unlisted_predibase_key, "bearer_token"),
                (v.unlisted_helicone_key, "bearer_token"),
                (v.unlisted_octoai_token, "jwt"),
            )
        if self.split == "unheeded":  # LlamaCloud, OpenPipe, Mixedbread, Nomic, RunPod, Lambda and Daytona keys (no
            vendors = (  # detector of their own: bearer tokens) and Aleph Alpha's JWT tokens
                *vendors,
                (v.unheeded_llamacloud_key, "bearer_token"),
                (v.unheeded_openpipe_key, "bearer_token"),
                (v.unheeded_mixedbread_key, "bearer_token"),
                (v.unheeded_nomic_key, "bearer_token"),
                (v.unheeded_runpod_key, "bearer_token"),
                (v.unheeded_lambda_key, "bearer_token"),
                (v.unheeded_daytona_key, "bearer_token"),
                (v.unheeded_aleph_token, "jwt"),
            )
        if self.split == "unasked":  # Coze, Friendli, Featherless, Chutes and Scaleway keys (no detector of their own:
            vendors = (  # bearer tokens), SenseNova's and MiniMax's JWTs and fine-grained tokens for GitHub Models
                *vendors,
                (v.unasked_coze_pat, "bearer_token"),
                (v.unasked_friendli_token, "bearer_token"),
                (v.unasked_featherless_key, "bearer_token"),
                (v.unasked_chutes_key, "bearer_token"),
                (v.unasked_scaleway_key, "bearer_token"),
                (v.unasked_sensenova_token, "jwt"),
                (v.unasked_minimax_key, "jwt"),
                (
                    lambda r: f"github_pat_{v.rand(r, v.ALNUM, 22)}_{v.rand(r, v.ALNUM, 59)}",
                    "github_fine_grained_token",
                ),
            )
        if self.split == "unbidden":  # DeepInfra, Novita, SambaNova and Wise keys (no detector of their own: bearer
            vendors = (  # tokens) and Hyperbolic's and SAP XSUAA's JWTs
                *vendors,
                (v.unbidden_deepinfra_key, "bearer_token"),
                (v.unbidden_novita_key, "bearer_token"),
                (v.unbidden_sambanova_key, "bearer_token"),
                (v.unbidden_wise_token, "bearer_token"),
                (v.unbidden_hyperbolic_token, "jwt"),
                (v.unbidden_xsuaa_token, "jwt"),
            )
        if self.split == "unsought":  # Groq, AI21, Daily, Mollie and Telnyx keys (no detector of their own: bearer
            vendors = (  # tokens) and Zoom's Server-to-Server JWTs
                *vendors,
                (v.unsought_groq_key, "bearer_token"),
                (v.unsought_ai21_key, "bearer_token"),
                (v.unsought_daily_key, "bearer_token"),
                (v.unsought_mollie_key, "bearer_token"),
                (v.unsought_telnyx_key, "bearer_token"),
                (v.unsought_zoom_token, "jwt"),
            )
        headers, bodies, answers, masked, hashes, vectors, images, errors, ips = [], [], [], [], [], [], [], [], []
        for _ in range(ROWS):
            user, answer = r.choice(exchanges)
            roll = r.random()
            names = ("Authorization", "Content-Type") if self.split == "dev" else ("authorization", "content-type")
            if self.split == "unclaimed" and roll < 0.3:  # its own vendors, each in its own header and scheme
                head, label = self._unclaimed_vendor(names)
                headers.append((self._header_dump(head), _one(label)))
            elif self.split == "unheralded" and roll < 0.3:  # its own vendors, each in its own header and scheme
                head, label = self._unheralded_vendor(names)
                headers.append((self._header_dump(head), _one(label)))
            elif self.split == "unnoticed" and roll < 0.3:  # its own vendors, each in its own header and scheme
                head, label = self._unnoticed_vendor(names)
                headers.append((self._header_dump(head), _one(label)))
            elif self.split == "unremarked" and roll < 0.3:  # its own vendors, each in its own header and scheme
                head, label = self._unremarked_vendor(names)
                headers.append((self._header_dump(head), _one(label)))
            elif self.split == "unforeseen" and roll < 0.3:  # its own vendors, each in its own header and scheme
                head, label = self._unforeseen_vendor(names)
                headers.append((self._header_dump(head), _one(label)))
            elif self.split == "unguessed" and roll < 0.3:  # its own vendors, each in its own header and scheme
                head, label = self._unguessed_vendor(names)
                headers.append((self._header_dump(head), _one(label)))
            elif self.split == "unannounced" and roll < 0.3:  # its own vendors, each in its own header and scheme
                head, label = self._unannounced_vendor(names)
                headers.append((self._header_dump(head), _one(label)))
            elif self.split == "unbeknown" and roll < 0.3:  # its own vendors, each in its own header and scheme
                head, label = self._unbeknown_vendor(names)
                headers.append((self._header_dump(head), _one(label)))
            elif self.split == "unreported" and roll < 0.3:  # its own vendors, each in its own header and scheme
                head, label = self._unreported_vendor(names)
                headers.append((self._header_dump(head), _one(label)))
            elif roll < 0.3:
                gen, label = r.choice(vendors)
                scheme = "Bearer " if label not in ("anthropic_api_key", "google_api_key", "generic_secret") else ""
                if label == "basic_auth":  # only the unsung split draws one
                    scheme = "Basic "
                key_name = {
                    "anthropic_api_key": "x-api-key",
                    "google_api_key": "x-goog-api-key",
                    "generic_secret": "api-key",
                }.get(label, names[0])
                head = {key_name: scheme + gen(r), names[1]: "application/json"}
                headers.append((self._header_dump(head), _one(label)))
            elif roll < 0.5:
                head = {names[0]: "Bearer sk-proj-****" + v.rand(r, v.ALNUM, 4), names[1]: "application/json"}
                headers.append((self._header_dump(head), NONE))
            else:
                head = {names[1]: "application/json", "x-request-id": contexts._rid(r)}
                headers.append((self._header_dump(head), NONE))
            if self.split == "unlisted":  # its wiretap dumps name the local and remote addresses
                headers[-1] = (headers[-1][0], headers[-1][1] | self._dump_labels)
            if self.split == "unheeded" and self._dump_masked:  # httpx's repr shows ``[secure]`` for the key
                headers[-1] = (headers[-1][0], NONE)
            if self.split == "unasked" and self._dump_masked:  # http-client's Show prints ``<REDACTED>`` for it
                headers[-1] = (headers[-1][0], NONE)
            if self.split == "unbidden" and self._dump_masked:  # OpenFeign's redacting logger prints ``***`` for it
                headers[-1] = (headers[-1][0], NONE)
            if self.split == "unsought" and self._dump_masked:  # Hurl's ``--secret`` prints ``***`` for it
                headers[-1] = (headers[-1][0], NONE)
            if self.split == "unclaimed" and self._dump_masked:  # httr2's dry run prints ``<REDACTED>`` for it
                headers[-1] = (headers[-1][0], NONE)
            if self.split == "unheralded" and self._dump_masked:  # pino's redaction prints ``[Redacted]`` for it
                headers[-1] = (headers[-1][0], NONE)
            if self.split == "unnoticed" and self._dump_masked:  # Excon and sttp print ``REDACTED``/``***`` for it
                headers[-1] = (headers[-1][0], NONE)
            if self.split == "unremarked" and self._dump_masked:  # http4s' Logger prints ``<REDACTED>`` for it
                headers[-1] = (headers[-1][0], NONE)
            if self.split == "unforeseen" and self._dump_masked:  # a REST Client file names a ``{{variable}}`` for it
                headers[-1] = (headers[-1][0], NONE)
            if self.split == "unguessed":  # a Yaak export names a ``${[ VAR ]}`` for it; captures name the addresses
                if self._dump_masked:
                    headers[-1] = (headers[-1][0], NONE)
                headers[-1] = (headers[-1][0], headers[-1][1] | self._ugs_dump_labels)
            if self.split == "unannounced":  # NetLog strips, ModSecurity sanitises the key; proxies name the addresses
                if self._dump_masked:
                    headers[-1] = (headers[-1][0], NONE)
                headers[-1] = (headers[-1][0], headers[-1][1] | self._uan_dump_labels)
            if self.split == "unbeknown":  # Caddy redacts Authorization; Suricata and Caddy name the addresses
                if self._dump_masked:
                    headers[-1] = (headers[-1][0], NONE)
                headers[-1] = (headers[-1][0], headers[-1][1] | self._ubk_dump_labels)
            if self.split == "unreported":  # OTel, HttpLogging, Telescope and Chucker mask; three dumps name addresses
                if self._dump_masked:
                    headers[-1] = (headers[-1][0], NONE)
                headers[-1] = (headers[-1][0], headers[-1][1] | self._urp_dump_labels)
            labels = _one("chat_template" if self.split == "unspoken" else "chat_role_json")
            if r.random() < 0.15:
                user = f"{user} my email is {v.email(r)}"
                labels = labels | _one("email")
            if self.split == "dev":
                body = {"model": "gpt-4o", "temperature": 0.7, "messages": [{"role": "user", "content": user}]}
                reply = {
                    "id": "chatcmpl-" + v.rand(r, v.ALNUM, 24),
                    "choices": [{"message": {"role": "assistant", "content": answer}}],
                }
            elif self.split == "blind":  # OpenAI's Responses API: input items in, output items back
                body, reply = self._responses_api(user, answer)
            elif self.split == "veiled":  # AWS Bedrock's Converse API: content blocks in and back
                body, reply = self._converse_api(user, answer)
            elif self.split == "hidden":  # Cohere's v1 chat API: a message, the earlier turns as chat_history
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                earlier = r.choice([ex for ex in chat.EXCHANGES[lang] if ex[1] != answer])
                body, reply = self._cohere_chat(lang, user, answer, earlier)
            elif self.split == "unheard":  # Ollama's /api/chat: OpenAI-like messages in, one message and timings back
                body, reply = self._ollama_chat(user, answer)
            elif self.split == "untold":  # Gemini's generateContent: contents with parts in, candidates back
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply = self._gemini_generate(lang, user, answer)
            elif self.split == "unspoken":  # a Llama 3 prompt as TGI's /generate or Bedrock's InvokeModel takes it
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply = self._llama_generate(lang, user, answer)
            elif self.split == "unnamed":  # Mistral, Anthropic streaming, vLLM and OpenRouter bodies
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply = self._unnamed_exchange(lang, user, answer)
            elif self.split == "unmarked":  # Azure OpenAI, Vertex AI (Claude, Model Garden), TGI with Command R markup
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unmarked_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | _one(kind)
            elif self.split == "unwritten":  # Cohere v2, Groq, Together, Ollama's /api/generate, watsonx.ai (Granite)
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unwritten_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            elif self.split == "unsaid":  # Anthropic tool use, xAI, Perplexity, Replicate, HF Endpoints, Fireworks
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unsaid_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            elif (
                self.split == "unvoiced"
            ):  # Cerebras, DashScope, Workers AI, NIM with Nemotron, Jamba, vLLM with Seed-OSS
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unvoiced_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            elif self.split == "unsung":  # Yandex GPT, GigaChat, ERNIE, Hunyuan, MiniMax, Reka, llama.cpp with EXAONE
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unsung_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            elif self.split == "unlisted":  # Upstage, SiliconFlow, Moonshot, Predibase LoRAX, Writer, Sarvam, LM Studio
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unlisted_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            elif self.split == "unheeded":  # iFlytek Spark, Aleph Alpha, Nova, Databricks, Cortex, Ark, Clarifai...
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unheeded_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            elif (
                self.split == "unasked"
            ):  # HyperCLOVA X, SenseNova, Coze, Poe, chat-bison, Pi, text-generation-webui...
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unasked_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            elif self.split == "unbidden":  # OCI Generative AI, SAP AI Core, DeepInfra, Dialogflow CX, Bedrock Agents
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unbidden_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            elif self.split == "unsought":  # Workers AI, SageMaker, Lex V2, Direct Line, Groq
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unsought_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            elif self.split == "unclaimed":  # Message Batches, Q Business, watsonx Assistant, Voiceflow, R&G, RunPod
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unclaimed_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            elif (
                self.split == "unheralded"
            ):  # Llama API, Gemini Live, Dialogflow ES, Lex V1, Flows, Llama Stack, Triton
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unheralded_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            elif self.split == "unnoticed":  # Eden AI, Titan, Einstein, Cognigy, NLP Cloud, Vertex AI Search, LightLLM
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unnoticed_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            elif (
                self.split == "unremarked"
            ):  # HF conversational, Jurassic-2, text-bison, Watson, Kore.ai, Claude 2, Petals
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unremarked_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            elif self.split == "unforeseen":  # Azure AI Inference, AI Horde, LangServe, Gradio, NovelAI, Alexa, Lepton
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unforeseen_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            elif self.split == "unguessed":  # Chatbase, Dust, Vellum, Mastra, Langflow, Venice, Parasail
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unguessed_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            elif self.split == "unannounced":  # Glean, Stack AI, CustomGPT.ai, You.com, Relevance AI, Inworld, kluster
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unannounced_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            elif self.split == "unbeknown":  # Vectara, Pinecone Assistant, Humanloop, Kagi, Exa, Chatsonic, Lamini
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unbeknown_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            elif self.split == "unreported":  # Bland AI, RAGFlow, MaxKB, AutoRAG, Not Diamond, QAnything, Langdock
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                body, reply, kind, reply_kind = self._unreported_generate(lang, user, answer)
                labels = (labels - _one("chat_role_json")) | (_one(kind) if kind else NONE)
            else:
                body = {
                    "model": "claude-3-5-sonnet",
                    "max_tokens": 1024,
                    "messages": [{"role": "user", "content": [{"type": "text", "text": user}]}],
                }
                reply = {
                    "id": "msg_" + v.rand(r, v.ALNUM, 24),
                    "role": "assistant",
                    "content": [{"type": "text", "text": answer}],
                }
            bodies.append((json.dumps(body, ensure_ascii=r.random() < 0.5), labels))
            reply_labels = NONE if self.split == "unspoken" else _one("chat_role_json")  # its replies: bare text
            if self.split == "unmarked":  # its replies: role JSON, bare text, or the prompt's markup echoed back
                reply_labels = _one(reply_kind) if reply_kind else NONE
            if self.split in ("unwritten", "unsaid", "unvoiced", "unsung", "unlisted", "unheeded"):  # role JSON or text
                reply_labels = _one(reply_kind) if reply_kind else NONE
            if self.split in (
                "unasked",
                "unbidden",
                "unsought",
                "unclaimed",
                "unheralded",
                "unnoticed",
                "unremarked",
                "unforeseen",
                "unguessed",
                "unannounced",
                "unbeknown",
                "unreported",
            ):  # role JSON or text; some replies echo the user's turn
                reply_labels = _one(reply_kind) if reply_kind else NONE
                if self._reply_echoes:
                    reply_labels = reply_labels | (labels & _one("email"))
            if self.split == "hidden":  # Cohere's reply echoes the user's message in its chat_history
                reply_labels = reply_labels | (labels & _one("email"))
            if isinstance(reply, str):  # a server-sent event stream, as the gateway stored it
                answers.append((reply, reply_labels))
            else:
                answers.append((json.dumps(reply, ensure_ascii=False), reply_labels))
            masked.append(
                (
                    v.pick(
                        r,
                        "sk-proj-…" + v.rand(r, v.ALNUM, 4),
                        "sk-****" + v.rand(r, v.ALNUM, 4),
                        "AKIA************" + v.rand(r, v.UPPER, 4),
                    ),
                    NONE,
                )
            )
            hashes.append((v.rand(r, v.HEX, 64), NONE))
            vectors.append(("[" + ", ".join(f"{r.uniform(-1, 1):.4f}" for _ in range(12)) + "]", NONE))
            images.append(("data:image/png;base64," + v.b64(r.randbytes(r.randrange(90, 300))), NONE))
            roll = r.random()
            if roll < 0.25:
                errors.append((POSITIVES["url_credentials"][r.randrange(3)](r), _one("url_credentials")))
            elif self.split == "unnamed" and roll < 0.45:  # the vLLM server's log of the prompt it was sent
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_vllm_received(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif self.split == "unwritten" and roll < 0.45:  # Ollama's debug log of the prompt it rendered
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_ollama_debug(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif self.split == "unsaid" and roll < 0.45:  # SGLang's log of a request it received, prompt rendered
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_sglang_receive(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif self.split == "unvoiced" and roll < 0.45:  # LocalAI's debug line with the prompt after templating
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_localai_debug(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif self.split == "unsung" and roll < 0.45:  # LiteLLM's debug log of the request it sent, prompt rendered
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_litellm_debug(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif self.split == "unlisted" and roll < 0.45:  # KoboldCpp's console with the prompt it received
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_koboldcpp_log(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif self.split == "unheeded" and roll < 0.45:  # TabbyAPI's log of the prompt it rendered
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_tabby_log(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif self.split == "unasked" and roll < 0.45:  # Xinference's debug log of the prompt it rendered
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_xinference_log(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif self.split == "unbidden" and roll < 0.45:  # Aphrodite's log of the prompt it rendered
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_aphrodite_log(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif self.split == "unsought" and roll < 0.45:  # LMDeploy's log of the prompt it rendered
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_lmdeploy_log(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif self.split == "unclaimed" and roll < 0.45:  # FastChat's log of the prompt it forwarded
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_fastchat_log(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif self.split == "unheralded" and roll < 0.45:  # llama.cpp server's verbose log of the chat it formatted
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_llamacpp_log(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif self.split == "unnoticed" and roll < 0.45:  # mistral.rs' debug log of the prompt it rendered
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_mistralrs_log(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif self.split == "unremarked" and roll < 0.45:  # mlx_lm.server's debug log of the prompt it rendered
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_mlx_log(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif self.split == "unforeseen" and roll < 0.45:  # MLC LLM's debug log of the prompt it rendered
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_mlc_log(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif (
                self.split == "unguessed" and roll < 0.45
            ):  # OpenVINO Model Server's debug log of the prompt it rendered
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_ovms_log(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif self.split == "unannounced" and roll < 0.45:  # ms-swift's deploy log of the prompt it rendered
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_swift_log(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif self.split == "unbeknown" and roll < 0.45:  # OpenLLM's debug log of the prompt it rendered
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_openllm_log(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            elif self.split == "unreported" and roll < 0.45:  # NVIDIA Dynamo's debug log of the prompt it rendered
                lang = next(code for code in langs if any(a == answer for _u, a in chat.EXCHANGES[code]))
                errors.append((_dynamo_log(r, lang, user), _one("chat_template") | (labels & _one("email"))))
            else:
                errors.append((r.choice(_AI_NOISE)(r), NONE))
            ips.append((v.ipv4(r), _one("ipv4")))
        table = CorpusTable("api_logs")
        table.add("request_headers", headers)
        table.add("request_body", bodies)
        table.add("response_body", answers, frozenset({"chat_text"}))  # assistant answers are chat text
        table.add("api_key_masked", masked)
        table.add("api_key_sha256", hashes)
        table.add("embedding", vectors)
        table.add("image_data", images)
        table.add("error", errors)
        table.add("remote_addr", ips)
        return table

    def _header_dump(self, head: dict[str, str]) -> str:
        if self.split == "veiled":
            return self._node_headers(head)
        if self.split == "hidden":
            return self._curl_http2(head)
        if self.split == "unheard":
            return self._har_request(head)
        if self.split == "untold":
            return self._http_client_debug(head)
        if self.split == "unspoken":
            return self._okhttp_log(head)
        if self.split == "unnamed":
            return self._reqwest_debug(head)
        if self.split == "unmarked":
            return self._go_dump_request_out(head)
        if self.split == "unwritten":
            return self._faraday_log(head)
        if self.split == "unsaid":
            return self._unsaid_trace(head)
        if self.split == "unvoiced":
            return self._unvoiced_dump(head)
        if self.split == "unsung":
            return self._unsung_dump(head)
        if self.split == "unlisted":
            return self._unlisted_dump(head)
        if self.split == "unheeded":
            return self._unheeded_dump(head)
        if self.split == "unasked":
            return self._unasked_dump(head)
        if self.split == "unbidden":
            return self._unbidden_dump(head)
        if self.split == "unsought":
            return self._unsought_dump(head)
        if self.split == "unclaimed":
            return self._unclaimed_dump(head)
        if self.split == "unheralded":
            return self._unheralded_dump(head)
        if self.split == "unnoticed":
            return self._unnoticed_dump(head)
        if self.split == "unremarked":
            return self._unremarked_dump(head)
        if self.split == "unforeseen":
            return self._unforeseen_dump(head)
        if self.split == "unguessed":
            return self._unguessed_dump(head)
        if self.split == "unannounced":
            return self._unannounced_dump(head)
        if self.split == "unbeknown":
            return self._unbeknown_dump(head)
        if self.split == "unreported":
            return self._unreported_dump(head)
        if self.split != "blind":
            return json.dumps(head)
        # Go's json.Marshal of an http.Header: canonical names, every value a list, keys sorted, compact.
        r = self.r
        if "x-api-key" in head:
            agent = v.pick(r, "Anthropic/Python 0.39.0", "AsyncAnthropic/Python 0.39.0")
        else:
            agent = v.pick(r, "OpenAI/Python 1.54.3", "AsyncOpenAI/Python 1.54.3", "Go-http-client/2.0")
        dump = {"-".join(part.capitalize() for part in k.split("-")): [val] for k, val in head.items()}
        dump |= {"Accept-Encoding": ["gzip"], "User-Agent": [agent]}
        return json.dumps(dump, separators=(",", ":"), sort_keys=True)

    def _responses_api(self, user: str, answer: str) -> tuple[dict[str, object], dict[str, object]]:
        r = self.r
        model = v.pick(r, "gpt-4.1-mini", "gpt-4.1", "o4-mini")
        body: dict[str, object] = {
            "model": model,
            "input": [{"role": "user", "content": [{"type": "input_text", "text": user}]}],
            "max_output_tokens": r.choice((512, 1024, 2048)),
        }
        reply: dict[str, object] = {
            "id": "resp_" + v.rand(r, v.HEX, 48),
            "object": "response",
            "status": "completed",
            "model": model,
            "output": [
                {
                    "type": "message",
                    "status": "completed",
                    "role": "assistant",
                    "content": [{"type": "output_text", "text": answer, "annotations": []}],
                }
            ],
        }
        return body, reply

    def _node_headers(self, head: dict[str, str]) -> str:
        """``console.log(req.headers)`` in a Node gateway: lower-case names in arrival order, util.inspect's quoting."""
        r = self.r
        if "x-api-key" in head:
            sdk, version = "Anthropic/JS", v.pick(r, "0.32.1", "0.33.0")
        else:
            sdk, version = "OpenAI/JS", v.pick(r, "4.67.3", "4.73.0")
        headers = {"host": v.pick(r, "llm-gateway.internal:8080", "llm-proxy.acme.internal")}
        headers |= {k.lower(): val for k, val in head.items()}
        headers |= {
            "user-agent": f"{sdk} {version}",
            "x-stainless-lang": "js",
            "x-stainless-package-version": version,
            "x-stainless-os": "Linux",
            "x-stainless-arch": "x64",
            "x-stainless-runtime": "node",
            "x-stainless-runtime-version": v.pick(r, "v20.11.1", "v22.9.0"),
        }
        if sdk == "Anthropic/JS":
            headers["anthropic-version"] = "2023-06-01"
        headers |= {
            "accept": "application/json",
            "content-length": str(r.randrange(120, 4000)),
            "accept-encoding": "gzip,deflate",
            "connection": "keep-alive",
        }
        entries = [f"{_node_key(k)}: {_node_string(val)}" for k, val in headers.items()]
        return "{\n  " + ",\n  ".join(entries) + "\n}"

    def _converse_api(self, user: str, answer: str) -> tuple[dict[str, object], dict[str, object]]:
        """A Bedrock ``/model/{id}/converse`` call: the model is in the path, the body holds content blocks."""
        r = self.r
        body: dict[str, object] = {
            "messages": [{"role": "user", "content": [{"text": user}]}],
            "inferenceConfig": {"maxTokens": r.choice((512, 1024, 2048)), "temperature": 0.5, "topP": 0.9},
        }
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        reply: dict[str, object] = {
            "output": {"message": {"role": "assistant", "content": [{"text": answer}]}},
            "stopReason": "end_turn",
            "usage": {"inputTokens": tokens_in, "outputTokens": tokens_out, "totalTokens": tokens_in + tokens_out},
            "metrics": {"latencyMs": r.randrange(300, 9000)},
        }
        return body, reply

    def _curl_http2(self, head: dict[str, str]) -> str:
        """``curl -v`` over HTTP/2 (curl 8): the stream's pseudo-headers and headers, then the request."""
        r = self.r
        host, path = _llm_endpoint(head)
        fields = dict(head)
        if "x-api-key" in head:
            fields["anthropic-version"] = "2023-06-01"
        version = v.pick(r, "8.5.0", "8.9.1", "8.11.1")
        lines = [
            "* ALPN: server accepted h2",
            "* using HTTP/2",
            f"* [HTTP/2] [1] OPENED stream for https://{host}{path}",
            "* [HTTP/2] [1] [:method: POST]",
            "* [HTTP/2] [1] [:scheme: https]",
            f"* [HTTP/2] [1] [:authority: {host}]",
            f"* [HTTP/2] [1] [:path: {path}]",
            f"* [HTTP/2] [1] [user-agent: curl/{version}]",
            "* [HTTP/2] [1] [accept: */*]",
        ]
        lines += [f"* [HTTP/2] [1] [{k}: {val}]" for k, val in fields.items()]
        length = r.randrange(120, 4000)
        lines.append(f"* [HTTP/2] [1] [content-length: {length}]")
        lines += [f"> POST {path} HTTP/2", f"> Host: {host}", f"> User-Agent: curl/{version}", "> Accept: */*"]
        lines += [f"> {k}: {val}" for k, val in fields.items()]
        lines += [f"> Content-Length: {length}", ">"]
        return "\n".join(lines)

    def _cohere_chat(
        self, lang: str, user: str, answer: str, earlier: tuple[str, str]
    ) -> tuple[dict[str, object], dict[str, object]]:
        """A Cohere ``/v1/chat`` call: the new message apart, the earlier turns as USER/CHATBOT ``chat_history``."""
        r = self.r
        history = [{"role": "USER", "message": earlier[0]}, {"role": "CHATBOT", "message": earlier[1]}]
        model = v.pick(r, "command-r-plus-08-2024", "command-r-08-2024", "command-r7b-12-2024")
        body: dict[str, object] = {
            "model": model,
            "message": user,
            "chat_history": history,
            "temperature": 0.3,
            "prompt_truncation": "AUTO",
        }
        if r.random() < 0.5:
            body["preamble"] = chat.SYSTEM_PROMPTS[lang]
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        reply: dict[str, object] = {
            "response_id": contexts._rid(r),
            "text": answer,
            "generation_id": contexts._rid(r),
            "chat_history": [*history, {"role": "USER", "message": user}, {"role": "CHATBOT", "message": answer}],
            "finish_reason": "COMPLETE",
            "meta": {
                "api_version": {"version": "1"},
                "billed_units": {"input_tokens": tokens_in, "output_tokens": tokens_out},
                "tokens": {"input_tokens": tokens_in + 64, "output_tokens": tokens_out},
            },
        }
        return body, reply

    def _har_request(self, head: dict[str, str]) -> str:
        """The ``request`` of a HAR 1.2 entry (a browser's or mitmproxy's export): headers as name/value pairs."""
        r = self.r
        host, path = _llm_endpoint({k.lower(): val for k, val in head.items()})
        if not any(k.lower() in ("authorization", "x-api-key") for k in head):
            host, path = "llm-gateway.acme.internal", "/v1/chat/completions"
        length = r.randrange(120, 4000)
        headers = [{"name": ":authority", "value": host}, {"name": ":method", "value": "POST"}]
        headers += [{"name": ":path", "value": path}, {"name": ":scheme", "value": "https"}]
        headers += [{"name": k.lower(), "value": val} for k, val in head.items()]
        headers += [
            {"name": "content-length", "value": str(length)},
            {
                "name": "user-agent",
                "value": v.pick(r, "mitmproxy/11.0.2", "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0"),
            },
        ]
        request = {
            "method": "POST",
            "url": f"https://{host}{path}",
            "httpVersion": "HTTP/2",
            "cookies": [],
            "headers": headers,
            "queryString": [],
            "headersSize": -1,
            "bodySize": length,
        }
        return json.dumps(request, indent=2)

    def _ollama_chat(self, user: str, answer: str) -> tuple[dict[str, object], dict[str, object]]:
        """An Ollama ``/api/chat`` call (``stream: false``): the reply is one message with the run's timings."""
        r = self.r
        model = v.pick(r, "llama3.1:8b", "qwen2.5:14b-instruct", "mistral-nemo:12b")
        body: dict[str, object] = {
            "model": model,
            "messages": [{"role": "user", "content": user}],
            "stream": False,
            "options": {"temperature": 0.2, "num_ctx": r.choice((4096, 8192))},
        }
        clock = f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"
        reply: dict[str, object] = {
            "model": model,
            "created_at": f"2026-01-{r.randrange(10, 28)}T{clock}.{r.randrange(0, 10**9):09d}Z",
            "message": {"role": "assistant", "content": answer},
            "done_reason": "stop",
            "done": True,
            "total_duration": r.randrange(10**9, 9 * 10**10),
            "load_duration": r.randrange(10**6, 10**9),
            "prompt_eval_count": r.randrange(12, 900),
            "prompt_eval_duration": r.randrange(10**7, 10**9),
            "eval_count": r.randrange(8, 1200),
            "eval_duration": r.randrange(10**8, 5 * 10**10),
        }
        return body, reply

    def _http_client_debug(self, head: dict[str, str]) -> str:
        """Python's ``http.client`` with ``debuglevel=1`` (as ``requests`` users turn it on): the request as the
        bytes' repr on one ``send:`` line, then the reply's status and headers."""
        r = self.r
        if "x-goog-api-key" in head or not any(k.lower() in ("authorization", "x-api-key") for k in head):
            model = v.pick(r, "gemini-1.5-pro-002", "gemini-1.5-flash-002", "gemini-2.0-flash")
            host, path = "generativelanguage.googleapis.com", f"/v1beta/models/{model}:generateContent"
        else:
            host, path = _llm_endpoint({k.lower(): val for k, val in head.items()})
        agent = v.pick(r, "python-requests/2.32.3", "python-requests/2.31.0")
        lines = [f"POST {path} HTTP/1.1", f"Host: {host}", f"User-Agent: {agent}", "Accept-Encoding: gzip, deflate"]
        lines += ["Accept: */*", "Connection: keep-alive"]
        lines += [f"{k}: {val}" for k, val in head.items()]
        lines += [f"Content-Length: {r.randrange(120, 4000)}", "", ""]
        sent = repr("\r\n".join(lines).encode())
        status = v.pick(r, "200 OK", "200 OK", "429 Too Many Requests", "400 Bad Request")
        reply = [
            f"send: {sent}",
            f"reply: {f'HTTP/1.1 {status}' + chr(13) + chr(10)!r}",
            "header: Content-Type: application/json; charset=UTF-8",
            "header: Vary: Origin",
            "header: Vary: X-Origin",
            "header: Server: scaffolding on HTTPServer2",
            f"header: Server-Timing: gfet4t7; dur={r.randrange(300, 9000)}",
            "header: Transfer-Encoding: chunked",
        ]
        return "\n".join(reply)

    def _gemini_generate(self, lang: str, user: str, answer: str) -> tuple[dict[str, object], dict[str, object]]:
        """A Gemini ``models/{model}:generateContent`` call: ``contents`` of ``parts``, the reply's ``candidates``
        in the ``model`` role, with usage metadata."""
        r = self.r
        body: dict[str, object] = {"contents": [{"role": "user", "parts": [{"text": user}]}]}
        if r.random() < 0.5:
            body["systemInstruction"] = {"parts": [{"text": chat.SYSTEM_PROMPTS[lang]}]}
        body["generationConfig"] = {"temperature": r.choice((0.2, 0.4, 0.7)), "maxOutputTokens": r.choice((512, 2048))}
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        categories = ("HARM_CATEGORY_HATE_SPEECH", "HARM_CATEGORY_DANGEROUS_CONTENT", "HARM_CATEGORY_HARASSMENT")
        reply: dict[str, object] = {
            "candidates": [
                {
                    "content": {"role": "model", "parts": [{"text": answer}]},
                    "finishReason": "STOP",
                    "index": 0,
                    "safetyRatings": [{"category": c, "probability": "NEGLIGIBLE"} for c in categories],
                }
            ],
            "usageMetadata": {
                "promptTokenCount": tokens_in,
                "candidatesTokenCount": tokens_out,
                "totalTokenCount": tokens_in + tokens_out,
            },
            "modelVersion": v.pick(r, "gemini-1.5-pro-002", "gemini-1.5-flash-002"),
        }
        return body, reply

    # ------------------------------------------------------------------------ untold tables

    def payment_methods(self) -> CorpusTable:
        """Cards of every brand in their groupings (each brand in turn), masked cards, payout IBANs."""
        r = self.r
        brands = sorted(v.UNTOLD_CARD_BRANDS)
        table = CorpusTable("payment_methods")
        drawn = [(brands[i % len(brands)], v.untold_card(r, brands[i % len(brands)])) for i in range(ROWS)]
        table.add("card_number", [(card, _one("payment_card")) for _brand, card in drawn])
        table.add("brand", [(brand, NONE) for brand, _card in drawn])
        table.add(
            "card_masked",
            [
                (v.pick(r, "•••• ", "**** **** **** ", "XXXXXXXXXXXX") + v.rand(r, string.digits, 4), NONE)
                for _ in drawn
            ],
        )
        table.add("payout_iban", [(v.untold_iban(r), _one("iban")) for _ in drawn])
        table.add("billing_phone", [(v.untold_phone(r, PHONE_REGIONS[self.split]), _one("phone")) for _ in drawn])
        return table

    def cloud_credentials(self) -> CorpusTable:
        """Bare cloud credentials in columns named for them: STS session tokens, SAS query strings, ``ya29.``
        access tokens, ClickHouse Cloud key ids and secrets; and harmless columns beside them."""
        r = self.r
        table = CorpusTable("cloud_credentials")
        table.add("sts_session_token", [(v.untold_sts_token(r), _one("aws_session_token")) for _ in range(ROWS)])
        sas = [
            f"sv=2022-11-02&ss={v.pick(r, 'b', 'bf', 'bfqt')}&srt={v.pick(r, 'co', 'sco')}"
            f"&sp={v.pick(r, 'r', 'rl', 'rwdl')}"
            f"&se=2026-02-{r.randrange(10, 28)}T00:00:00Z&spr=https&sig={v.azure_sas_sig(r)}"
            for _ in range(ROWS)
        ]
        table.add("sas_query", [(q, _one("azure_sas_token")) for q in sas])
        table.add("gcp_access_token", [(v.untold_gcp_access_token(r), _one("gcp_oauth_token")) for _ in range(ROWS)])
        table.add(
            "clickhouse_cloud_key_id", [(v.rand(r, v.ALNUM, 20), _one("clickhouse_cloud_key")) for _ in range(ROWS)]
        )
        table.add(
            "clickhouse_cloud_key_secret", [(v.clickhouse_secret(r), _one("clickhouse_cloud_key")) for _ in range(ROWS)]
        )
        table.add("owner", [(v.pick(r, "etl", "billing", "ml-platform", "ops"), NONE) for _ in range(ROWS)])
        table.add(
            "expires_at",
            [(f"2026-01-{r.randrange(10, 28)} {r.randrange(0, 24):02d}:00:00", NONE) for _ in range(ROWS)],
        )
        table.add(
            "role_arn", [(f"arn:aws:iam::{_UNTOLD_ACCOUNT}:role/etl-{r.randrange(1, 9)}", NONE) for _ in range(ROWS)]
        )
        return table

    def service_params(self) -> CorpusTable:
        """A second key-value table: ``param`` names the value beside it."""
        r = self.r
        params: list[tuple[str, frozenset[str]]] = []
        values: list[tuple[str, frozenset[str]]] = []
        for _ in range(ROWS):
            roll = r.random()
            if roll < 0.35:
                key, gen = r.choice(_UNTOLD_SECRET_ROWS)
                params.append((key, NONE))
                values.append((gen(r), _one("named_secret")))
            elif roll < 0.5:
                key, gen, label = r.choice(_UNTOLD_VENDOR_ROWS)
                params.append((key, NONE))
                values.append((gen(r), _one(label)))
            else:
                key, gen = r.choice(_UNTOLD_PLAIN_ROWS)
                params.append((key, NONE))
                values.append((gen(r), NONE))
        table = CorpusTable("service_params")
        table.add("service", [(v.pick(r, "billing", "crm", "llm-gateway", "etl"), NONE) for _ in range(ROWS)])
        table.add("param", params)
        table.add("value", values)
        return table

    # ------------------------------------------------------------------------ unspoken shapes and tables

    def _okhttp_log(self, head: dict[str, str]) -> str:
        """OkHttp's ``HttpLoggingInterceptor`` at ``HEADERS`` level (a JVM gateway): the request line, the headers
        as sent, the end marker."""
        r = self.r
        host, path = _llm_endpoint({k.lower(): val for k, val in head.items()})
        if not any(k.lower() in ("authorization", "x-api-key") for k in head):
            host, path = "tgi.ml.internal", "/generate"
        length = r.randrange(120, 4000)
        lines = [f"--> POST https://{host}{path}"]
        lines += [f"{k}: {val}" for k, val in head.items()]
        lines += [f"Content-Length: {length}", f"User-Agent: okhttp/{v.pick(r, '4.12.0', '5.0.0-alpha.14')}"]
        lines.append(f"--> END POST ({length}-byte body)")
        return "\n".join(lines)

    def _llama_generate(self, lang: str, user: str, answer: str) -> tuple[dict[str, object], dict[str, object]]:
        """A Llama 3 prompt in its chat markup: Hugging Face TGI's ``/generate`` (``inputs``, ``parameters``;
        the reply's ``generated_text``) or AWS Bedrock's ``InvokeModel`` for Meta Llama (``prompt``; the reply's
        ``generation``). The replies hold the answer alone."""
        r = self.r
        prompt = _llama3_prompt(chat.SYSTEM_PROMPTS[lang] if r.random() < 0.5 else "", user, "")
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        if r.random() < 0.5:
            body: dict[str, object] = {
                "inputs": prompt,
                "parameters": {"max_new_tokens": r.choice((256, 512)), "temperature": 0.6, "details": True},
            }
            reply: dict[str, object] = {
                "generated_text": answer,
                "details": {"finish_reason": "eos_token", "generated_tokens": tokens_out, "seed": None},
            }
        else:
            body = {"prompt": prompt, "max_gen_len": r.choice((512, 1024)), "temperature": 0.5, "top_p": 0.9}
            reply = {
                "generation": answer,
                "prompt_token_count": tokens_in,
                "generation_token_count": tokens_out,
                "stop_reason": "stop",
            }
        return body, reply

    def identity_store(self) -> CorpusTable:
        """An identity store's export: ASP.NET Identity-like user rows with every hash family in turn, security
        stamps, Entra object ids, cards of national schemes and payout IBANs; and harmless columns beside them."""
        r = self.r
        table = CorpusTable("identity_store")
        families = v.UNSPOKEN_HASH_FAMILIES
        table.add("UserName", [(v.pick(r, "ilir.k", "aysel", "bold", "marija", "sita"), NONE) for _ in range(ROWS)])
        table.add("NormalizedEmail", [(v.email(r).upper(), _one("email")) for _ in range(ROWS)])
        hashes = [v.unspoken_password_hash(r, families[(i + 7) % len(families)]) for i in range(ROWS)]
        table.add("PasswordHash", [(h, _one("password_hash")) for h in hashes])
        table.add("SecurityStamp", [(v.rand(r, string.ascii_uppercase + "234567", 32), NONE) for _ in range(ROWS)])
        table.add("ConcurrencyStamp", [(contexts._rid(r), NONE) for _ in range(ROWS)])
        table.add("PhoneNumber", [(v.unspoken_phone(r, PHONE_REGIONS[self.split]), _one("phone")) for _ in range(ROWS)])
        brands = sorted(v.UNSPOKEN_CARD_BRANDS)
        table.add(
            "CardNumber", [(v.unspoken_card(r, brands[i % len(brands)]), _one("payment_card")) for i in range(ROWS)]
        )
        table.add("PayoutIban", [(v.unspoken_iban(r), _one("iban")) for _ in range(ROWS)])
        table.add("LastLoginIp", [(ip, _one("ipv6" if ":" in ip else "ipv4")) for ip in self._ips(ROWS)])
        table.add(
            "LockoutEnd",
            [(f"2026-0{r.randrange(1, 9)}-1{r.randrange(0, 9)} 00:00:00+00:00", NONE) for _ in range(ROWS)],
        )
        table.add("AccessFailedCount", [(str(r.randrange(0, 6)), NONE) for _ in range(ROWS)])
        return table

    def _ips(self, n: int) -> list[str]:
        r = self.r
        return [v.ipv4(r) if r.random() < 0.5 else v.ipv6(r) for _ in range(n)]

    def env_settings(self) -> CorpusTable:
        """A second key-value table, as an environment dump: ``name`` names the bare value beside it."""
        r = self.r
        names: list[tuple[str, frozenset[str]]] = []
        values: list[tuple[str, frozenset[str]]] = []
        for _ in range(ROWS):
            roll = r.random()
            if roll < 0.35:
                key, gen = r.choice(_UNSPOKEN_SECRET_ROWS)
                names.append((key, NONE))
                values.append((gen(r), _one("named_secret")))
            elif roll < 0.55:
                key, gen, label = r.choice(_UNSPOKEN_VENDOR_ROWS)
                names.append((key, NONE))
                values.append((gen(r), _one(label)))
            else:
                key, gen = r.choice(_UNSPOKEN_PLAIN_ROWS)
                names.append((key, NONE))
                values.append((gen(r), NONE))
        table = CorpusTable("env_settings")
        table.add("container", [(v.pick(r, "api", "worker", "scheduler", "edge"), NONE) for _ in range(ROWS)])
        table.add("name", names)
        table.add("value", values)
        return table

    # ------------------------------------------------------------------------ unnamed shapes and tables

    def _reqwest_debug(self, head: dict[str, str]) -> str:
        """A Rust gateway's ``debug!("{:?}", request)`` of a ``reqwest::Request`` whose headers were set by hand
        (so none is marked sensitive): the method, the parsed URL, the header map."""
        r = self.r
        lowered = {k.lower(): val for k, val in head.items()}
        token = lowered.get("authorization", "").removeprefix("Bearer ")
        if len(token) == 32 and token.isalnum():
            host, path = "api.mistral.ai", "/v1/chat/completions"
        elif not any(k in ("authorization", "x-api-key") for k in lowered):
            host, path = "vllm.ml.internal", "/v1/chat/completions"
        else:
            host, path = _llm_endpoint(lowered)
        port = "Some(8000)" if host.endswith(".internal") else "None"
        url = (
            f'Url {{ scheme: "{"http" if port != "None" else "https"}", cannot_be_a_base: false, username: "", '
            f'password: None, host: Some(Domain("{host}")), port: {port}, path: "{path}", query: None, '
            "fragment: None }"
        )
        headers = {
            **lowered,
            "accept": "application/json",
            "user-agent": f"acme-gw/{r.randrange(1, 4)}.{r.randrange(0, 20)}",
        }
        fields = ", ".join(f"{json.dumps(k)}: {json.dumps(val)}" for k, val in headers.items())
        when = contexts._ts(r).replace("Z", f".{r.randrange(0, 10**6):06d}Z")
        return f"{when} DEBUG llm_gateway::upstream: Request {{ method: POST, url: {url}, headers: {{{fields}}} }}"

    def _unnamed_exchange(self, lang: str, user: str, answer: str) -> tuple[dict[str, object], dict[str, object] | str]:
        """One call of the gateway: Mistral's chat completions, Anthropic's Messages API streamed (the reply stored
        as its server-sent events), vLLM's OpenAI-compatible server streamed, or OpenRouter."""
        r = self.r
        shape = r.randrange(4)
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        usage = {"prompt_tokens": tokens_in, "completion_tokens": tokens_out, "total_tokens": tokens_in + tokens_out}
        system = {"role": "system", "content": chat.SYSTEM_PROMPTS[lang]}
        if shape == 0:
            model = v.pick(r, "mistral-large-latest", "mistral-small-2501", "open-mistral-nemo")
            body: dict[str, object] = {
                "model": model,
                "messages": [system, {"role": "user", "content": user}],
                "temperature": 0.3,
                "safe_prompt": False,
            }
            reply: dict[str, object] | str = {
                "id": v.rand(r, v.HEX, 32),
                "object": "chat.completion",
                "created": 1_768_000_000 + r.randrange(10**6),
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "tool_calls": None, "content": answer},
                        "finish_reason": "stop",
                    }
                ],
                "usage": usage,
            }
            return body, reply
        if shape == 1:
            model = v.pick(r, "claude-3-5-haiku-20241022", "claude-sonnet-4-20250514")
            body = {
                "model": model,
                "max_tokens": r.choice((1024, 4096)),
                "stream": True,
                "system": chat.SYSTEM_PROMPTS[lang],
                "messages": [{"role": "user", "content": user}],
            }
            return body, _anthropic_stream(r, model, answer, tokens_in, tokens_out)
        if shape == 2:
            model = v.pick(r, "Qwen/Qwen2.5-7B-Instruct", "meta-llama/Llama-3.1-8B-Instruct")
            body = {
                "model": model,
                "messages": [system, {"role": "user", "content": user}],
                "stream": True,
                "max_tokens": r.choice((512, 1024)),
                "repetition_penalty": 1.05,
                "skip_special_tokens": True,
            }
            return body, _vllm_stream(r, model, answer)
        model = v.pick(r, "anthropic/claude-3.5-sonnet", "mistralai/mistral-nemo", "deepseek/deepseek-chat")
        body = {
            "model": model,
            "messages": [{"role": "user", "content": user}],
            "provider": {"order": [model.split("/")[0].capitalize()], "allow_fallbacks": True},
            "transforms": ["middle-out"],
        }
        reply = {
            "id": f"gen-{1_768_000_000 + r.randrange(10**6)}-{v.rand(r, v.ALNUM, 20)}",
            "provider": model.split("/")[0].capitalize(),
            "model": model,
            "object": "chat.completion",
            "created": 1_768_000_000 + r.randrange(10**6),
            "choices": [
                {
                    "logprobs": None,
                    "finish_reason": "stop",
                    "native_finish_reason": "stop",
                    "index": 0,
                    "message": {"role": "assistant", "content": answer, "refusal": None, "reasoning": None},
                }
            ],
            "usage": usage,
        }
        return body, reply

    def _unnamed_leak(self, lang: str, password: bool) -> tuple[str, frozenset[str]]:
        """A user's chat turn in ``lang`` that pastes a password (a credential phrase) or a vendor's API key."""
        r = self.r
        said_password, said_key = chat.UNNAMED_USER_LEAKS[lang]
        if password:
            return said_password.format(password=v.password(r)), _one("credential_phrase")
        gen, label = r.choice(
            (
                (v.unnamed_proj_key, "openai_project_key"),
                (v.anthropic, "anthropic_api_key"),
                (v.deepseek, "deepseek_api_key"),
                (lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
            )
        )
        return said_key.format(key=gen(r)), _one(label)

    def llm_spend_logs(self) -> CorpusTable:
        """LiteLLM proxy's ``LiteLLM_SpendLogs``: hashed virtual keys, spend, the end user (an e-mail or an id), the
        messages sent and the response as JSON, the requester's address, and the proxy's metadata."""
        r = self.r
        langs = self._languages()
        exchanges = [(lang, ex) for lang in langs for ex in chat.EXCHANGES[lang]]
        table = CorpusTable("llm_spend_logs")
        rows: dict[str, list[tuple[str, frozenset[str]]]] = {
            k: []
            for k in (
                "request_id",
                "call_type",
                "api_key",
                "spend",
                "model",
                "end_user",
                "messages",
                "response",
                "requester_ip_address",
                "metadata",
                "startTime",
            )
        }
        for _ in range(ROWS):
            lang, (user, answer) = r.choice(exchanges)
            model = v.pick(
                r, "mistral/mistral-large-latest", "vllm/qwen2.5-7b", "openrouter/anthropic/claude-3.5-sonnet"
            )
            rows["request_id"].append((f"chatcmpl-{contexts._rid(r)}", NONE))
            rows["call_type"].append((v.pick(r, "acompletion", "completion"), NONE))
            rows["api_key"].append((v.rand(r, v.HEX, 64), NONE))
            rows["spend"].append((f"0.{r.randrange(0, 10**6):06d}", NONE))
            rows["model"].append((model, NONE))
            roll = r.random()
            if roll < 0.4:
                rows["end_user"].append((v.email(r), _one("email")))
            elif roll < 0.7:
                rows["end_user"].append((f"cust_{r.randrange(1000, 99999)}", NONE))
            else:
                rows["end_user"].append(("", NONE))
            messages = [{"role": "system", "content": chat.SYSTEM_PROMPTS[lang]}, {"role": "user", "content": user}]
            rows["messages"].append((json.dumps(messages, ensure_ascii=r.random() < 0.5), _one("chat_role_json")))
            response = {
                "id": f"chatcmpl-{contexts._rid(r)}",
                "model": model.split("/", 1)[1],
                "object": "chat.completion",
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": answer, "tool_calls": None, "function_call": None},
                    }
                ],
                "usage": {"prompt_tokens": r.randrange(12, 900), "completion_tokens": r.randrange(8, 1200)},
            }
            rows["response"].append((json.dumps(response, ensure_ascii=False), _one("chat_role_json")))
            ip = v.ipv4(r) if r.random() < 0.7 else v.ipv6(r)
            rows["requester_ip_address"].append((ip, _one("ipv6" if ":" in ip else "ipv4")))
            metadata = {
                "user_api_key": v.rand(r, v.HEX, 64),
                "user_api_key_alias": v.pick(r, "ml-team", "support-bot", "eval-runner"),
                "user_api_key_team_id": contexts._rid(r),
                "headers": {
                    "user-agent": v.pick(r, "OpenAI/Python 1.59.6", "litellm/1.61.3"),
                    "x-litellm-tags": "prod",
                },
                "spend_logs_metadata": None,
                "masked_key": "sk-...." + v.rand(r, v.ALNUM, 4),
            }
            rows["metadata"].append((json.dumps(metadata), NONE))
            clock = f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"
            stamp = f"2026-01-{r.randrange(10, 28)} {clock}"
            rows["startTime"].append((f"{stamp}.{r.randrange(0, 10**6):06d}", NONE))
        for name, cells in rows.items():
            table.add(name, cells, frozenset({"chat_text"}) if name == "response" else frozenset())
        return table

    def webhook_deliveries(self) -> CorpusTable:
        """An outgoing webhook service's delivery log: the endpoint (some with credentials or a Slack hook), the
        signed request headers (signatures are no secrets; a bearer or basic credential is), the payload, the
        endpoint's signing secret, and the reply."""
        r = self.r
        table = CorpusTable("webhook_deliveries")
        endpoints, headers, payloads, secrets, statuses = [], [], [], [], []
        for _ in range(ROWS):
            roll = r.random()
            if roll < 0.15:
                endpoints.append((v.slack_workflow_hook(r), _one("slack_webhook")))
            elif roll < 0.3:
                password = urllib.parse.quote(v.password(r), safe="")
                endpoints.append((f"https://hooks:{password}@in.partner.ge/acme/events", _one("url_credentials")))
            else:
                endpoints.append(
                    (
                        v.pick(
                            r,
                            "https://hooks.acme.lu/stripe",
                            "https://crm.acme.uz/api/webhooks/7",
                            "https://n8n.acme.mt/webhook/orders",
                        ),
                        NONE,
                    )
                )
            stamp = 1_768_000_000 + r.randrange(10**6)
            base = ["Content-Type: application/json", f"User-Agent: AcmeHooks/{r.randrange(1, 4)}.0"]
            roll = r.random()
            if roll < 0.15:
                base.append(f"Authorization: Bearer {v.opaque_token(r)}")
                label = _one("bearer_token")
            elif roll < 0.25:
                base.append("Authorization: Basic " + v.b64(f"hooks:{v.password(r)}".encode()))
                label = _one("basic_auth")
            else:
                signed = r.randrange(4)
                if signed == 0:
                    base.append(f"Stripe-Signature: t={stamp},v1={v.rand(r, v.HEX, 64)}")
                elif signed == 1:
                    base += [f"svix-id: msg_{v.rand(r, v.ALNUM, 27)}", f"svix-timestamp: {stamp}"]
                    base.append(f"svix-signature: v1,{v.b64(r.randbytes(32))}")
                elif signed == 2:
                    base.append(f"X-Hub-Signature-256: sha256={v.rand(r, v.HEX, 64)}")
                    base.append(f"X-GitHub-Delivery: {contexts._rid(r)}")
                else:
                    base.append(f"X-Shopify-Hmac-Sha256: {v.b64(r.randbytes(32))}")
                    base.append(f"X-Shopify-Webhook-Id: {contexts._rid(r)}")
                label = NONE
            headers.append(("\n".join(base), label))
            roll = r.random()
            if roll < 0.3:
                customer = {
                    "id": f"cus_{v.rand(r, v.ALNUM, 14)}",
                    "email": v.email(r),
                    "name": v.pick(r, "Nino B.", "Aziz K.", "Rūta P."),
                }
                payloads.append((json.dumps({"type": "customer.created", "data": {"object": customer}}), _one("email")))
            elif roll < 0.45:
                phone = v.unnamed_phone(r, PHONE_REGIONS[self.split], True)
                order = {"id": r.randrange(10**5, 10**6), "shipping_address": {"city": "Tbilisi", "phone": phone}}
                payloads.append(
                    (json.dumps({"topic": "orders/create", "order": order}, ensure_ascii=False), _one("phone"))
                )
            elif roll < 0.55:
                payout = {"id": f"po_{v.rand(r, v.ALNUM, 24)}", "destination_iban": v.unnamed_iban(r).replace(" ", "")}
                payloads.append((json.dumps({"type": "payout.paid", "data": payout}), _one("iban")))
            else:
                invoice = {
                    "id": f"in_{v.rand(r, v.ALNUM, 24)}",
                    "amount_paid": r.randrange(100, 99999),
                    "currency": "eur",
                }
                payloads.append((json.dumps({"type": "invoice.paid", "data": {"object": invoice}}), NONE))
            if r.random() < 0.85:
                secrets.append(("whsec_" + v.b64(r.randbytes(24)), _one("named_secret")))
            else:
                secrets.append(("", NONE))
            statuses.append((v.pick(r, "200", "200", "204", "500", "timeout"), NONE))
        table.add("delivery_id", [(contexts._rid(r), NONE) for _ in range(ROWS)])
        table.add(
            "event_type", [(v.pick(r, "invoice.paid", "customer.created", "orders/create"), NONE) for _ in range(ROWS)]
        )
        table.add("endpoint_url", endpoints)
        table.add("request_headers", headers)
        table.add("payload", payloads)
        table.add("signing_secret", secrets)
        table.add("response_status", statuses)
        table.add("attempt", [(str(r.randrange(1, 6)), NONE) for _ in range(ROWS)])
        return table

    # ------------------------------------------------------------------------ unmarked shapes and tables

    def _go_dump_request_out(self, head: dict[str, str]) -> str:
        """A Go gateway's ``httputil.DumpRequestOut``: the request line, Host, User-Agent and Content-Length, the
        headers in canonical form sorted by name, Accept-Encoding last, CRLF line ends. An ``api-key`` header is
        Azure OpenAI's."""
        r = self.r
        lower = {k.lower(): val for k, val in head.items()}
        if "api-key" in lower:
            host = f"acme-{v.pick(r, 'swedencentral', 'uaenorth', 'westeurope')}.openai.azure.com"
            path = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"
        elif not any(k in lower for k in ("authorization", "x-api-key")):
            host, path = "llm-gateway.acme.internal", "/v1/chat/completions"
        else:
            host, path = _llm_endpoint(lower)
        lines = [f"POST {path} HTTP/1.1", f"Host: {host}", "User-Agent: Go-http-client/1.1"]
        lines.append(f"Content-Length: {r.randrange(120, 4000)}")
        canonical = {"-".join(part.capitalize() for part in k.split("-")): val for k, val in head.items()}
        lines += [f"{k}: {canonical[k]}" for k in sorted(canonical)]
        lines.append("Accept-Encoding: gzip")
        return "\r\n".join(lines) + "\r\n\r\n"

    def _unmarked_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object] | list[object], dict[str, object] | list[object], str, str]:
        """A request body and its reply with what each holds: Azure OpenAI chat completions (role JSON both ways),
        Claude on Vertex AI's ``rawPredict`` (role JSON both ways), TGI's ``/generate`` with a Command R prompt
        (markup in, bare text back), or a Vertex AI Model Garden ``predict`` with a Gemma prompt whose reply
        echoes the prompt before the output (markup both ways)."""
        r = self.r
        system = chat.SYSTEM_PROMPTS[lang]
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        shape = r.randrange(4)
        if shape == 0:
            safe = {"filtered": False, "severity": "safe"}
            filters = {"hate": safe, "self_harm": safe, "sexual": safe, "violence": safe}
            body: dict[str, object] | list[object] = {
                "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
                "temperature": 0.3,
                "max_tokens": r.choice((400, 800)),
                "data_sources": [
                    {
                        "type": "azure_search",
                        "parameters": {
                            "endpoint": "https://acme-search.search.windows.net",
                            "index_name": "kb-eu",
                            "authentication": {"type": "system_assigned_managed_identity"},
                        },
                    }
                ],
            }
            reply: dict[str, object] | list[object] = {
                "id": "chatcmpl-" + v.rand(r, v.ALNUM, 29),
                "object": "chat.completion",
                "created": contexts._epoch(r),
                "model": "gpt-4o-2024-11-20",
                "prompt_filter_results": [{"prompt_index": 0, "content_filter_results": filters}],
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": answer},
                        "content_filter_results": filters,
                    }
                ],
                "usage": {"prompt_tokens": tokens_in, "completion_tokens": tokens_out},
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 1:
            body = {
                "anthropic_version": "vertex-2023-10-16",
                "system": system,
                "messages": [{"role": "user", "content": user}],
                "max_tokens": r.choice((512, 1024)),
            }
            reply = {
                "id": "msg_vrtx_" + v.rand(r, v.ALNUM, 24),
                "type": "message",
                "role": "assistant",
                "model": "claude-3-5-sonnet-v2@20241022",
                "content": [{"type": "text", "text": answer}],
                "stop_reason": "end_turn",
                "usage": {"input_tokens": tokens_in, "output_tokens": tokens_out},
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 2:
            body = {
                "inputs": _unmarked_markup(0, system, user, ""),
                "parameters": {"max_new_tokens": r.choice((256, 512)), "temperature": 0.3, "return_full_text": False},
            }
            return body, [{"generated_text": answer}], "chat_template", ""
        prompt = f"<start_of_turn>user\n{system}\n\n{user}<end_of_turn>\n<start_of_turn>model\n"
        body = {"instances": [{"prompt": prompt, "max_tokens": r.choice((256, 512)), "temperature": 0.7}]}
        reply = {
            "predictions": [f"Prompt:\n{prompt}\nOutput:\n{answer}"],
            "deployedModelId": v.luhn_free_number(r, 10**18, 9 * 10**18),
            "model": f"projects/{_UNMARKED_PROJECT}/locations/europe-west4/models/gemma-2-9b-it",
            "modelDisplayName": "gemma-2-9b-it",
            "modelVersionId": "1",
        }
        return body, reply, "chat_template", "chat_template"

    def _paste_secrets(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """One turn per language in which the user pastes a password (written out in the language's words: a
        credential phrase) or an API key (its vendor's finding), and the assistant's answer that does not repeat
        it; in a turn of that language when the conversation has one."""
        r = self.r
        used: set[int] = set()
        for lang in chat.UNMARKED_LANGUAGES:
            free = [i for i in range(5, ROWS // 2) if i not in used]
            turn = next((i for i in free if exchanges[i][0] == lang), free[0])
            used.add(turn)
            prompt, answer, kind = r.choice(chat.UNMARKED_SECRET_TURNS[lang])
            if kind == "password":
                text, label = prompt.format(password=_unmarked_password(r)), "credential_phrase"
            else:
                gen, label = (
                    (v.openai_project, "openai_project_key") if lang == "en" else r.choice(UNMARKED_PASTED_KEYS)
                )
                text = prompt.format(key=gen(r))
            contents[2 * turn] = (text, _one(label))
            contents[2 * turn + 1] = (answer, NONE)

    def _unmarked_export(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as an LLM app exports it: Open WebUI's chat export, a Langfuse generation, Flowise's
        chat messages (``userMessage``/``apiMessage`` roles) or a Dify message row (prompt messages with roles)."""
        r = self.r
        created = contexts._epoch(r)
        if shape == 0:
            model = v.pick(r, "llama3.1:8b", "qwen2.5:7b", "gemma2:9b")
            first, second = contexts._rid(r), contexts._rid(r)
            messages = [
                {
                    "id": first,
                    "parentId": None,
                    "childrenIds": [second],
                    "role": "user",
                    "content": ex[0],
                    "timestamp": created,
                    "models": [model],
                },
                {
                    "id": second,
                    "parentId": first,
                    "childrenIds": [],
                    "role": "assistant",
                    "content": ex[1],
                    "model": model,
                    "timestamp": created + r.randrange(2, 40),
                    "done": True,
                },
            ]
            export = [
                {
                    "id": contexts._rid(r),
                    "user_id": contexts._rid(r),
                    "title": v.pick(r, "New Chat", "Letter to landlord", "Interview nerves"),
                    "chat": {
                        "id": "",
                        "title": "New Chat",
                        "models": [model],
                        "messages": messages,
                        "history": {"messages": {m["id"]: m for m in messages}, "currentId": second},
                        "timestamp": created * 1000,
                    },
                    "updated_at": created + 60,
                    "created_at": created,
                    "archived": False,
                }
            ]
            return json.dumps(export, ensure_ascii=r.random() < 0.5)
        if shape == 1:
            generation = {
                "id": contexts._rid(r),
                "traceId": contexts._rid(r).replace("-", ""),
                "type": "GENERATION",
                "name": "chat-completion",
                "startTime": contexts._ms_ts(r),
                "model": v.pick(r, "gpt-4o-mini", "claude-3-5-haiku", "mistral-large"),
                "modelParameters": {"temperature": 0.2, "max_tokens": 512},
                "input": [{"role": "system", "content": chat.SYSTEM_PROMPTS[lang]}, {"role": "user", "content": ex[0]}],
                "output": {"role": "assistant", "content": ex[1]},
                "usage": {"input": r.randrange(12, 900), "output": r.randrange(8, 1200), "unit": "TOKENS"},
                "level": "DEFAULT",
            }
            return json.dumps(generation, ensure_ascii=False)
        if shape == 2:
            chatflow, chat_id = contexts._rid(r), contexts._rid(r)
            rows = [
                {"role": "userMessage", "content": ex[0], "chatflowid": chatflow, "chatType": "EXTERNAL"},
                {"role": "apiMessage", "content": ex[1], "chatflowid": chatflow, "chatType": "EXTERNAL"},
            ]
            for row in rows:
                row |= {"id": contexts._rid(r), "chatId": chat_id, "sessionId": chat_id, "createdDate": contexts._ts(r)}
            return json.dumps(rows, ensure_ascii=r.random() < 0.5)
        message = {
            "id": contexts._rid(r),
            "conversation_id": contexts._rid(r),
            "query": ex[0],
            "message": [
                {"role": "system", "text": chat.SYSTEM_PROMPTS[lang], "files": []},
                {"role": "user", "text": ex[0], "files": []},
            ],
            "answer": ex[1],
            "message_tokens": r.randrange(12, 900),
            "answer_tokens": r.randrange(8, 1200),
            "provider_response_latency": round(r.uniform(0.4, 9.0), 3),
            "from_source": "api",
            "status": "normal",
        }
        return json.dumps(message, ensure_ascii=False)

    def oauth_clients(self) -> CorpusTable:
        """An authorization server's client registry: confidential clients' secrets (plain, masked or only as a
        bcrypt hash), registration access tokens (JWTs), contacts, redirect URIs and the address that registered
        each; public clients have no secret."""
        r = self.r
        ids, kinds, secrets, hashes, tokens, contacts, uris, addrs, expiry = [], [], [], [], [], [], [], [], []
        for _ in range(ROWS):
            name = v.pick(r, "billing-portal", "grafana", "mobile-app", "partner-api", "ci-deployer", "spa")
            ids.append((v.pick(r, name, f"{name}-{r.randrange(2, 9)}", contexts._rid(r)), NONE))
            public = r.random() < 0.3
            kinds.append(("public" if public else "confidential", NONE))
            if public:
                secrets.append(("", NONE))
                hashes.append(("", NONE))
            else:
                roll = r.random()
                if roll < 0.35:
                    secrets.append((_unmarked_client_secret(r), _one("named_secret")))
                    hashes.append(("", NONE))
                elif roll < 0.7:
                    secrets.append(("**********", NONE))
                    hashes.append((v.untold_password_hash(r, "bcrypt"), _one("password_hash")))
                else:
                    secrets.append(("", NONE))
                    hashes.append((v.unmarked_password_hash(r, "spring_bcrypt"), _one("password_hash")))
            if r.random() < 0.4:
                tokens.append((v.jwt(r), _one("jwt")))
            else:
                tokens.append(("", NONE))
            people = [v.unmarked_email(r) for _ in range(r.randrange(1, 3))]
            contacts.append((json.dumps(people), _one("email")))
            host = v.pick(r, "portal.acme.eus", "grafana.acme.eus", "partner.example.org")
            uris.append((json.dumps([f"https://{host}/oauth2/callback", "http://localhost:8080/callback"]), NONE))
            ip = v.ipv4(r) if r.random() < 0.6 else v.ipv6(r)
            addrs.append((ip, _one("ipv6" if ":" in ip else "ipv4")))
            expiry.append((v.pick(r, "0", str(contexts._epoch(r) + 31_536_000)), NONE))
        table = CorpusTable("oauth_clients")
        table.add("client_id", ids)
        table.add("client_type", kinds)
        table.add("client_secret", secrets)
        table.add("client_secret_hash", hashes)
        table.add("registration_access_token", tokens)
        table.add("contacts", contacts)
        table.add("redirect_uris", uris)
        table.add("registered_from", addrs)
        table.add("client_secret_expires_at", expiry)
        return table

    def audit_trail(self) -> CorpusTable:
        """An application's audit trail: who did what, and the changed fields before and after as JSON; each side
        holds what it holds (an e-mail, a phone, a password hash, an IBAN, a webhook URL), or masked and redacted
        values, digests of API keys and harmless settings."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        actors, actions, befores, afters, addrs = [], [], [], [], []
        for _ in range(ROWS):
            action = r.choice(_UNMARKED_AUDIT_ACTIONS)
            if action == "user.email_changed":
                before = ({"email": v.unmarked_email(r)}, _one("email"))
                after = ({"email": v.unmarked_email(r)}, _one("email"))
            elif action == "user.phone_changed":
                before = ({"phone": None}, NONE)
                after = ({"phone": v.unmarked_phone(r, regions, True), "verified": False}, _one("phone"))
            elif action == "user.password_changed":
                family = r.choice(v.UNMARKED_HASH_FAMILIES)
                before = ({"password_hash": v.unmarked_password_hash(r, family)}, _one("password_hash"))
                after = ({"password_hash": v.unmarked_password_hash(r, family)}, _one("password_hash"))
            elif action == "api_key.created":
                before = ({}, NONE)
                key = {"name": v.pick(r, "ci", "zapier", "local-dev"), "prefix": "sk-proj-" + v.rand(r, v.ALNUM, 4)}
                key |= {"key_sha256": v.rand(r, v.HEX, 64), "scopes": ["chat.completions"]}
                after = (key, NONE)
            elif action == "payout.iban_changed":
                before = ({"iban": v.unmarked_iban(r), "holder": "Acme Eus SL"}, _one("iban"))
                after = ({"iban": v.unmarked_iban(r), "holder": "Acme Eus SL"}, _one("iban"))
            elif action == "integration.slack_connected":
                before = ({"slack_webhook": None}, NONE)
                url = "https://hooks.slack.com/services/T0" + v.rand(r, v.UPPER, 9) + "/B0" + v.rand(r, v.UPPER, 9)
                after = (
                    {"slack_webhook": url + "/" + v.rand(r, v.ALNUM, 24), "channel": "#ops"},
                    _one("slack_webhook"),
                )
            elif action == "user.mfa_reset":
                before = ({"totp_secret": "[REDACTED]", "mfa": True}, NONE)
                after = ({"totp_secret": None, "mfa": False}, NONE)
            elif action == "card.updated":
                before = ({"card": "•••• " + v.rand(r, string.digits, 4), "exp": "09/26"}, NONE)
                after = ({"card": "•••• " + v.rand(r, string.digits, 4), "exp": "11/29", "brand": "visa"}, NONE)
            else:  # settings.updated
                before = ({"locale": v.pick(r, "eu-ES", "gl-ES", "bs-BA"), "theme": "light"}, NONE)
                after = ({"locale": v.pick(r, "km-KH", "pa-IN", "en-GB"), "theme": "dark"}, NONE)
            befores.append((json.dumps(before[0], ensure_ascii=False), before[1]))
            afters.append((json.dumps(after[0], ensure_ascii=False), after[1]))
            actions.append((action, NONE))
            if r.random() < 0.2:
                actors.append(("system", NONE))
            else:
                actors.append((v.unmarked_email(r), _one("email")))
            ip = v.ipv4(r) if r.random() < 0.7 else v.ipv6(r)
            addrs.append((ip, _one("ipv6" if ":" in ip else "ipv4")))
        table = CorpusTable("audit_trail")
        table.add("event_id", [(contexts._rid(r), NONE) for _ in range(ROWS)])
        table.add("actor", actors)
        table.add("action", actions)
        table.add("before", befores)
        table.add("after", afters)
        table.add("source_ip", addrs)
        return table

    # ------------------------------------------------------------------------ unwritten shapes and tables

    def _faraday_log(self, head: dict[str, str]) -> str:
        """A Ruby gateway's Faraday ``:logger`` middleware (``headers: true``): the request line, the headers as
        ``Name: "value"`` (``inspect``), the reply's status."""
        r = self.r
        lower = {k.lower(): val for k, val in head.items()}
        host, path = _unwritten_endpoint(lower)
        pid = r.randrange(7, 99999)
        day, clock = r.randrange(10, 28), f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"
        micros = r.randrange(0, 10**6 - 2000)

        def stamp(offset: int) -> str:
            return f"I, [2026-01-{day}T{clock}.{micros + offset:06d} #{pid}]  INFO --"

        canonical = {"-".join(part.capitalize() for part in k.split("-")): val for k, val in head.items()}
        canonical["User-Agent"] = f"Faraday v{v.pick(r, '2.12.2', '2.10.1', '1.10.4')}"
        headers = "\n".join(f"{k}: {json.dumps(val)}" for k, val in canonical.items())
        status = v.pick(r, "200", "200", "200", "401", "429")
        return "\n".join(
            (
                f"{stamp(0)} request: POST https://{host}{path}",
                f"{stamp(r.randrange(20, 90))} request: {headers}",
                f"{stamp(r.randrange(300_000, 900_000) // 1000)} response: Status {status}",
            )
        )

    def _unwritten_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object], str, str]:
        """A request body and its reply with what each holds: Cohere's v2 chat (role JSON both ways), Groq and Together
        (OpenAI-compatible, role JSON both ways), Ollama's ``/api/generate`` (a system and a prompt, no roles; the reply
        bare text) or watsonx.ai's text generation with a Granite prompt (markup in, bare text back)."""
        r = self.r
        system = chat.SYSTEM_PROMPTS[lang]
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        shape = r.randrange(5)
        if shape == 0:
            body: dict[str, object] = {
                "model": v.pick(r, "command-a-03-2025", "command-r-plus-08-2024", "command-r7b-12-2024"),
                "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
                "temperature": 0.3,
                "stream": False,
            }
            reply: dict[str, object] = {
                "id": contexts._rid(r),
                "message": {"role": "assistant", "content": [{"type": "text", "text": answer}]},
                "finish_reason": "COMPLETE",
                "usage": {
                    "billed_units": {"input_tokens": tokens_in, "output_tokens": tokens_out},
                    "tokens": {"input_tokens": tokens_in + 211, "output_tokens": tokens_out + 2},
                },
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 1:
            model = v.pick(r, "llama-3.3-70b-versatile", "llama-3.1-8b-instant", "gemma2-9b-it")
            body = {
                "model": model,
                "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
                "temperature": 0.5,
                "max_completion_tokens": r.choice((512, 1024)),
            }
            reply = {
                "id": f"chatcmpl-{contexts._rid(r)}",
                "object": "chat.completion",
                "created": contexts._epoch(r),
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": answer},
                        "logprobs": None,
                        "finish_reason": "stop",
                    }
                ],
                "usage": {
                    "queue_time": round(r.uniform(0.01, 0.3), 6),
                    "prompt_tokens": tokens_in,
                    "prompt_time": round(r.uniform(0.001, 0.05), 6),
                    "completion_tokens": tokens_out,
                    "completion_time": round(r.uniform(0.05, 2.0), 6),
                    "total_tokens": tokens_in + tokens_out,
                },
                "system_fingerprint": f"fp_{v.rand(r, v.HEX, 10)}",
                "x_groq": {"id": f"req_01{v.rand(r, string.ascii_lowercase + string.digits, 24)}"},
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 2:
            model = v.pick(r, "meta-llama/Llama-3.3-70B-Instruct-Turbo", "Qwen/Qwen2.5-72B-Instruct-Turbo")
            body = {
                "model": model,
                "messages": [{"role": "user", "content": user}],
                "max_tokens": r.choice((512, 1024)),
                "stop": ["<|eot_id|>", "<|eom_id|>"],
            }
            reply = {
                "id": f"{v.rand(r, v.HEX, 16)}-{v.pick(r, 'ATL', 'SJC', 'IAD')}",
                "object": "chat.completion",
                "created": contexts._epoch(r),
                "model": model,
                "prompt": [],
                "choices": [
                    {
                        "finish_reason": "eos",
                        "seed": int(v.luhn_free_number(r, 10**18, 9 * 10**18)),
                        "logprobs": None,
                        "index": 0,
                        "message": {"role": "assistant", "content": answer, "tool_calls": []},
                    }
                ],
                "usage": {"prompt_tokens": tokens_in, "completion_tokens": tokens_out},
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 3:
            model = v.pick(r, "llama3.1:8b", "qwen2.5:7b", "gemma2:9b")
            body = {"model": model, "system": system, "prompt": user, "stream": False, "options": {"temperature": 0.4}}
            clock = f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"
            reply = {
                "model": model,
                "created_at": f"2026-01-{r.randrange(10, 28)}T{clock}.{r.randrange(0, 10**9):09d}Z",
                "response": answer,
                "done": True,
                "done_reason": "stop",
                "context": [r.randrange(100, 128000) for _ in range(r.randrange(6, 14))],
                "total_duration": r.randrange(10**9, 9 * 10**10),
                "prompt_eval_count": tokens_in,
                "eval_count": tokens_out,
            }
            return body, reply, "", ""
        body = {
            "model_id": v.pick(r, "ibm/granite-3-8b-instruct", "ibm/granite-3-2-8b-instruct"),
            "project_id": contexts._rid(r),
            "input": _unwritten_markup(0, system, user, ""),
            "parameters": {
                "decoding_method": "greedy",
                "max_new_tokens": r.choice((300, 600)),
                "stop_sequences": ["<|end_of_text|>"],
            },
        }
        reply = {
            "model_id": body["model_id"],
            "created_at": contexts._ms_ts(r),
            "results": [
                {
                    "generated_text": answer,
                    "generated_token_count": tokens_out,
                    "input_token_count": tokens_in,
                    "stop_reason": "eos_token",
                }
            ],
        }
        return body, reply, "chat_template", ""

    def _unwritten_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then one turn per language in which
        the user pastes a password (a credential phrase) or a token (its vendor's finding), with an answer that does
        not repeat it; in a turn of that language when the conversation has one."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unwritten_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        for k, lang in enumerate(chat.UNWRITTEN_LANGUAGES):
            free = [i for i in range(5, ROWS // 2) if i not in used]
            turn = next((i for i in free if exchanges[i][0] == lang), free[0])
            used.add(turn)
            prompt, answer, kind = chat.UNWRITTEN_SECRET_TURNS[lang][k % 2]
            if kind == "password":
                text, label = prompt.format(password=v.unwritten_password(r)), "credential_phrase"
            else:
                gen, label = r.choice(UNWRITTEN_PASTED_KEYS)
                text = prompt.format(key=gen(r))
            contents[2 * turn] = (text, _one(label))
            contents[2 * turn + 1] = (answer, NONE)

    def _unwritten_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as agent frameworks store it: a LangGraph checkpoint (LangChain's serialized messages), an
        AutoGen AgentChat ``TaskResult``, a Semantic Kernel ``ChatHistory`` serialized by .NET, or an OpenAI
        Assistants thread's message list (newest first)."""
        r = self.r
        system = chat.SYSTEM_PROMPTS[lang]
        if shape == 0:

            def lc(kind: str, cls: str, content: str, extra: dict[str, object]) -> dict[str, object]:
                kwargs: dict[str, object] = {"content": content, "type": kind, "id": contexts._rid(r)} | extra
                return {
                    "lc": 1,
                    "type": "constructor",
                    "id": ["langchain", "schema", "messages", cls],
                    "kwargs": kwargs,
                }

            messages = [
                lc("system", "SystemMessage", system, {}),
                lc("human", "HumanMessage", ex[0], {}),
                lc(
                    "ai",
                    "AIMessage",
                    ex[1],
                    {
                        "response_metadata": {"finish_reason": "stop", "model_name": "gpt-4o-mini-2024-07-18"},
                        "tool_calls": [],
                        "invalid_tool_calls": [],
                    },
                ),
            ]
            checkpoint = {
                "v": 1,
                "id": contexts._rid(r),
                "ts": contexts._ts(r).replace("Z", f".{r.randrange(0, 10**6):06d}+00:00"),
                "channel_values": {"messages": messages, "agent": "agent"},
                "channel_versions": {"__start__": 2, "messages": 3, "agent": 3},
                "versions_seen": {"__input__": {}, "agent": {"start:agent": 2}},
                "pending_sends": [],
            }
            return json.dumps(checkpoint, ensure_ascii=r.random() < 0.5)
        if shape == 1:
            result = {
                "messages": [
                    {"source": "user", "models_usage": None, "metadata": {}, "content": ex[0], "type": "TextMessage"},
                    {
                        "source": v.pick(r, "assistant", "support_agent"),
                        "models_usage": {
                            "prompt_tokens": r.randrange(12, 900),
                            "completion_tokens": r.randrange(8, 900),
                        },
                        "metadata": {},
                        "content": ex[1],
                        "type": "TextMessage",
                    },
                ],
                "stop_reason": "Maximum number of turns 1 reached.",
            }
            return json.dumps(result, ensure_ascii=False)
        if shape == 2:
            history = [
                {"Role": {"Label": "system"}, "Items": [{"$type": "TextContent", "Text": system}]},
                {"Role": {"Label": "user"}, "Items": [{"$type": "TextContent", "Text": ex[0]}]},
                {
                    "Role": {"Label": "assistant"},
                    "Items": [{"$type": "TextContent", "Text": ex[1], "ModelId": "gpt-4o"}],
                    "ModelId": "gpt-4o",
                },
            ]
            return json.dumps(history, ensure_ascii=r.random() < 0.5, separators=(",", ":"))
        thread = f"thread_{v.rand(r, v.ALNUM, 24)}"
        created = contexts._epoch(r)

        def message(role: str, text: str, at: int) -> dict[str, object]:
            return {
                "id": f"msg_{v.rand(r, v.ALNUM, 24)}",
                "object": "thread.message",
                "created_at": at,
                "assistant_id": f"asst_{v.rand(r, v.ALNUM, 24)}" if role == "assistant" else None,
                "thread_id": thread,
                "run_id": f"run_{v.rand(r, v.ALNUM, 24)}" if role == "assistant" else None,
                "role": role,
                "content": [{"type": "text", "text": {"value": text, "annotations": []}}],
                "attachments": [],
                "metadata": {},
            }

        data = [message("assistant", ex[1], created + r.randrange(2, 30)), message("user", ex[0], created)]
        listing = {"object": "list", "data": data, "first_id": data[0]["id"], "last_id": data[1]["id"]}
        listing["has_more"] = False
        return json.dumps(listing, ensure_ascii=False)

    def support_tickets(self) -> CorpusTable:
        """A help desk's ticket export: the requester (a name and an e-mail), a phone, the customer's description (now
        and then with a card, an IBAN, a password, a key or a new phone number pasted in), the agent's internal note
        (now and then a temporary password), and harmless columns (masked cards, key fingerprints, digests)."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        rows: dict[str, list[tuple[str, frozenset[str]]]] = {
            k: []
            for k in (
                "ticket_id",
                "requester",
                "requester_phone",
                "subject",
                "description",
                "internal_note",
                "channel",
                "assignee",
                "csat",
                "attachment_sha256",
                "created_at",
            )
        }
        names = (
            "Carys Hughes",
            "Joseph Camilleri",
            "Ayodele Adeyemi",
            "Meseret Tadesse",
            "Nuwan Perera",
            "Iolo Morgan",
        )
        for _ in range(ROWS):
            rows["ticket_id"].append((f"#{r.randrange(10_000, 99_999)}", NONE))
            who = r.choice(names)
            address = v.unwritten_email(r)
            rows["requester"].append((f"{who} <{address}>" if r.random() < 0.6 else address, _one("email")))
            if r.random() < 0.6:
                rows["requester_phone"].append((v.unwritten_phone(r, regions), _one("phone")))
            else:
                rows["requester_phone"].append(("", NONE))
            roll = r.random()
            if roll < 0.14:
                subject = "Charged twice"
                order = r.randrange(10_000, 99_999)
                text = f"I was charged twice for order #{order}. The card I used is {v.unwritten_card(r)}."
                label = _one("payment_card")
            elif roll < 0.24:
                subject = "Refund"
                text = f"Please send the refund to {v.unwritten_iban(r)}, account holder {who}."
                label = _one("iban")
            elif roll < 0.34:
                subject = "Cannot log in"
                text = f"I can't log in since yesterday. My password is {v.unwritten_password(r)} and it says invalid."
                label = _one("credential_phrase")
            elif roll < 0.42:
                subject = "API returns 401"
                text = (
                    "Every call to your API returns 401. This is the header we send: Authorization: Bearer "
                    f"{v.opaque_token(r)}"
                )
                label = _one("bearer_token")
            elif roll < 0.48:
                subject = "Webhook signature fails"
                text = f"Our integration uses the key {v.stripe_key(r)} and the webhook signature never matches."
                label = _one("stripe_key")
            elif roll < 0.58:
                subject = v.pick(r, "New phone number", "Rhif ffôn newydd", "Numru tat-telefon ġdid")
                lead = v.pick(r, "Please update my phone number to", "Fy rhif newydd yw", "In-numru l-ġdid tiegħi hu")
                text = f"{lead} {v.unwritten_phone(r, regions)}."
                label = _one("phone")
            else:
                subject = v.pick(r, "Export stuck", "Invoice missing", "Dark mode", "Delete my account")
                text = v.pick(
                    r,
                    "The CSV export hangs at 99% every time since the last update.",
                    f"I can't find the invoice for order #{r.randrange(10_000, 99_999)}; the card ending "
                    f"{v.rand(r, string.digits, 4)} was charged.",
                    "Is there a dark mode? The white screen hurts at night.",
                    "Please delete my account and all my data (GDPR art. 17).",
                    f"Version {r.randrange(3, 9)}.{r.randrange(0, 20)}.{r.randrange(0, 9)}.{r.randrange(10, 300)} "
                    "crashes when I open settings.",
                )
                label = NONE
            rows["subject"].append((subject, NONE))
            rows["description"].append((text, label))
            roll = r.random()
            if roll < 0.12:
                note = f"Reset the account; temporary password given on the phone: {v.unwritten_password(r)}"
                rows["internal_note"].append((note, _one("credential_phrase")))
            elif roll < 0.3:
                note = f"Verified identity via the last 4 digits {v.rand(r, string.digits, 4)} and the postcode."
                rows["internal_note"].append((note, NONE))
            elif roll < 0.45:
                note = f"Customer's key sk-proj-…{v.rand(r, v.ALNUM, 4)} revoked at their request."
                rows["internal_note"].append((note, NONE))
            elif roll < 0.7:
                rows["internal_note"].append((f"Escalated to L2 (SUP-{r.randrange(100, 9999)}).", NONE))
            else:
                rows["internal_note"].append(("", NONE))
            rows["channel"].append((v.pick(r, "email", "web", "chat", "phone"), NONE))
            rows["assignee"].append((v.pick(r, "gwen.p", "karl.v", "tigist.a", "dilini.s", ""), NONE))
            rows["csat"].append((v.pick(r, "good", "bad", "", ""), NONE))
            rows["attachment_sha256"].append((v.rand(r, v.HEX, 64) if r.random() < 0.4 else "", NONE))
            rows["created_at"].append((contexts._ts(r), NONE))
        table = CorpusTable("support_tickets")
        for name, cells in rows.items():
            table.add(name, cells)
        return table

    def ci_variables(self) -> CorpusTable:
        """A GitLab project's CI/CD variables (``GET /projects/:id/variables``): ``key`` names the value beside it;
        secrets of no vendor are named secrets, vendor tokens their vendor's findings, file variables hold keys; and
        harmless variables (images, regions, references to other variables, public keys, a Sentry DSN)."""
        r = self.r
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {
            k: [] for k in ("project", "key", "value", "variable_type", "protected", "masked", "environment_scope")
        }
        descriptions: list[tuple[str, frozenset[str]]] = []
        for _ in range(ROWS):
            roll = r.random()
            kind = "env_var"
            if roll < 0.3:
                key, gen = r.choice(_UNWRITTEN_CI_SECRETS)
                value, label, masked = gen(r), _one("named_secret"), "true"
            elif roll < 0.55:
                key, gen, name = r.choice(_UNWRITTEN_CI_VENDOR)
                value, label, masked = gen(r), _one(name), "true"
            elif roll < 0.65:
                key = v.pick(r, "DEPLOY_SSH_KEY", "SIGNING_KEY_PEM", "SOPS_AGE_KEY_FILE")
                value = v.pem_key(r).replace("\\n", "\n")
                label, masked, kind = _one("private_key"), "false", "file"
            else:
                key, gen = r.choice(_UNWRITTEN_CI_PLAIN)
                value, label, masked = gen(r), NONE, v.pick(r, "false", "false", "true")
                if key == "COSIGN_PUBLIC_KEY":
                    kind = "file"
            cols["project"].append((v.pick(r, "acme/api", "acme/web", "ops/infra", "ml/eval"), NONE))
            cols["key"].append((key, NONE))
            cols["value"].append((value, label))
            cols["variable_type"].append((kind, NONE))
            cols["protected"].append((v.pick(r, "true", "false"), NONE))
            cols["masked"].append((masked, NONE))
            cols["environment_scope"].append((v.pick(r, "*", "*", "production", "staging"), NONE))
            descriptions.append((v.pick(r, "", "", "rotated quarterly", "owner: platform team", "see runbook"), NONE))
        table = CorpusTable("ci_variables")
        for name, cells in cols.items():
            table.add(name, cells)
        table.add("description", descriptions)
        return table

    def secrets_export(self) -> CorpusTable:
        """An AWS Secrets Manager export (``get-secret-value`` per secret): the name, the ARN, the secret string (an
        RDS credential, a vendor key, an OAuth client, a key pair, a webhook URL, a DSN, or plain settings), the
        version and its stages."""
        r = self.r
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {
            k: [] for k in ("Name", "ARN", "SecretString", "VersionId", "VersionStages", "CreatedDate", "Description")
        }
        for _ in range(ROWS):
            env = v.pick(r, "prod", "staging")
            roll = r.random()
            if roll < 0.18:
                name, what = f"{env}/orders/mysql", "RDS credentials"
                secret: object = {
                    "username": v.pick(r, "admin", "app"),
                    "password": v.unwritten_password(r),
                    "engine": "mysql",
                    "host": f"orders.cluster-{v.rand(r, string.ascii_lowercase + string.digits, 12)}"
                    ".eu-west-2.rds.amazonaws.com",
                    "port": 3306,
                    "dbname": "orders",
                }
                labels = _one("password_assignment")
            elif roll < 0.26:
                name, what, secret = f"{env}/payments/stripe", "Stripe", {"api_key": v.stripe_key(r)}
                labels = _one("stripe_key")
            elif roll < 0.33:
                name, what = f"{env}/sso/google", "Google OAuth client"
                client = f"{v.no_phone_digits(r, 12, PHONE_REGIONS[self.split])}-"
                client += v.rand(r, string.ascii_lowercase + string.digits, 32) + ".apps.googleusercontent.com"
                secret = {"client_id": client, "client_secret": "GOCSPX-" + v.rand(r, v.ALNUM + "_-", 28)}
                labels = _one("google_oauth_client_secret")
            elif roll < 0.4:
                name, what = f"{env}/deploy/ssh", "deploy key"
                secret = {"private_key": v.pem_key(r).replace("\\n", "\n")}
                labels = _one("private_key")
            elif roll < 0.47:
                name, what = f"{env}/alerts/slack", "Slack webhook"
                secret = (
                    "https://hooks.slack.com/services/T0"
                    + v.rand(r, v.UPPER, 9)
                    + "/B0"
                    + v.rand(r, v.UPPER, 9)
                    + "/"
                    + v.rand(r, v.ALNUM, 24)
                )
                labels = _one("slack_webhook")
            elif roll < 0.53:
                name, what = f"{env}/crm/oauth", "CRM OAuth token"
                secret = {"access_token": v.opaque_token(r), "token_type": "bearer", "expires_in": 7200}
                labels = _one("auth_token_assignment")
            elif roll < 0.6:
                name, what = f"{env}/etl/iam-user", "IAM user keys"
                secret = {"AccessKeyId": v.aws_key_id(r), "SecretAccessKey": v.aws_secret(r)}
                labels = frozenset({"aws_access_key_id", "aws_secret_access_key"})
            elif roll < 0.66:
                name, what, secret = f"{env}/llm/openai", "OpenAI", {"openai_api_key": v.openai_project(r)}
                labels = _one("openai_project_key")
            elif roll < 0.71:
                name, what = f"{env}/exports/azure", "Azure storage"
                secret = {
                    "connection_string": "DefaultEndpointsProtocol=https;AccountName=acmecymru;AccountKey="
                    + v.azure_account_key(r)
                    + ";EndpointSuffix=core.windows.net"
                }
                labels = _one("azure_storage_connection_string")
            elif roll < 0.77:
                name, what = f"{env}/analytics/dsn", "warehouse DSN"
                password = urllib.parse.quote(v.unwritten_password(r), safe="")
                secret = {"dsn": f"postgresql://analytics:{password}@warehouse.internal:5432/dw?sslmode=require"}
                labels = _one("url_credentials")
            elif roll < 0.83:
                name, what, secret = (
                    f"{env}/hooks/signing",
                    "webhook signing",
                    {"webhook_secret": "whsec_" + v.b64(r.randbytes(24))},
                )
                labels = _one("generic_secret")
            elif roll < 0.92:
                name, what = f"{env}/exports/config", "export settings"
                secret = {
                    "region": "eu-west-2",
                    "bucket": "acme-exports",
                    "kms_key": "alias/acme-exports",
                    "retention_days": 30,
                }
                labels = NONE
            else:
                name, what, secret, labels = f"{env}/legacy/ftp", "deleted", "", NONE
            suffix = v.rand(r, string.ascii_letters, 6)
            cols["Name"].append((name, NONE))
            cols["ARN"].append((f"arn:aws:secretsmanager:eu-west-2:{v.UNWRITTEN_ACCOUNT}:secret:{name}-{suffix}", NONE))
            text = secret if isinstance(secret, str) else json.dumps(secret)
            cols["SecretString"].append((text, labels))
            cols["VersionId"].append((contexts._rid(r), NONE))
            cols["VersionStages"].append((json.dumps(["AWSCURRENT"] if r.random() < 0.8 else ["AWSPREVIOUS"]), NONE))
            cols["CreatedDate"].append((f"{contexts._epoch(r)}.{r.randrange(0, 1000):03d}", NONE))
            cols["Description"].append((f"{what} ({env})", NONE))
        table = CorpusTable("secrets_export")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    # ------------------------------------------------------------------------ unsaid shapes and tables

    def _unsaid_trace(self, head: dict[str, str]) -> str:
        """The gateway's request as ``curl --trace-ascii`` writes it (the header block with hex offsets, CRLF counted)
        or as an Envoy tap filter's buffered trace (headers as key/value pairs, pseudo-headers first)."""
        r = self.r
        lower = {k.lower(): val for k, val in head.items()}
        host, path = _unsaid_endpoint(lower)
        if r.random() < 0.5:
            version = v.pick(r, "8.5.0", "8.11.1", "8.12.1")
            lines = [f"POST {path} HTTP/1.1", f"Host: {host}", f"User-Agent: curl/{version}", "Accept: */*"]
            lines += [f"{k}: {val}" for k, val in head.items()]
            length = r.randrange(120, 4000)
            lines.append(f"Content-Length: {length}")
            out = ["== Info: ALPN: curl offers h2,http/1.1", "== Info: using HTTP/1.x"]
            size = sum(len(line.encode()) + 2 for line in lines) + 2
            out.append(f"=> Send header, {size} bytes (0x{size:x})")
            offset = 0
            for line in lines:
                out.append(f"{offset:04x}: {line}")
                offset += len(line.encode()) + 2
            out += [f"{offset:04x}: ", f"=> Send data, {length} bytes (0x{length:x})"]
            return "\n".join(out)
        pseudo = [(":authority", host), (":path", path), (":method", "POST"), (":scheme", "https")]
        fields = pseudo + list(lower.items())
        fields += [("x-forwarded-proto", "https"), ("x-request-id", contexts._rid(r))]
        fields.append(("x-envoy-expected-rq-timeout-ms", "60000"))
        trace = {
            "http_buffered_trace": {
                "request": {"headers": [{"key": k, "value": val} for k, val in fields], "trailers": []},
                "response": {
                    "headers": [
                        {"key": ":status", "value": v.pick(r, "200", "200", "401", "429")},
                        {"key": "content-type", "value": "application/json"},
                        {"key": "x-envoy-upstream-service-time", "value": str(r.randrange(80, 9000))},
                    ]
                },
            }
        }
        return json.dumps(trace, indent=2)

    def _unsaid_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object] | list[object], str, str]:
        """A request body and its reply with what each holds: Anthropic's Messages API with tools (a text block and a
        ``tool_use`` block back), xAI's Grok (OpenAI-compatible, with reasoning), Perplexity's Sonar (with search
        results), a Replicate prediction (a prompt and a system prompt, no roles; the output as streamed pieces), a
        Hugging Face Inference Endpoint with a Llama 4 prompt, or Fireworks' completions with a Kimi K2 prompt."""
        r = self.r
        system = chat.SYSTEM_PROMPTS[lang]
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        shape = r.randrange(6)
        if shape == 0:
            tool = {
                "name": "search_help_center",
                "description": "Search the help center for articles.",
                "input_schema": {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]},
            }
            body: dict[str, object] = {
                "model": v.pick(r, "claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1"),
                "max_tokens": r.choice((1024, 2048)),
                "system": system,
                "tools": [tool],
                "messages": [{"role": "user", "content": [{"type": "text", "text": user}]}],
            }
            reply: dict[str, object] | list[object] = {
                "id": "msg_01" + v.rand(r, v.ALNUM, 22),
                "type": "message",
                "role": "assistant",
                "model": body["model"],
                "content": [
                    {"type": "text", "text": answer},
                    {
                        "type": "tool_use",
                        "id": "toolu_01" + v.rand(r, v.ALNUM, 22),
                        "name": "search_help_center",
                        "input": {"query": v.pick(r, "refund policy", "reset password", "opening hours")},
                    },
                ],
                "stop_reason": "tool_use",
                "usage": {"input_tokens": tokens_in, "output_tokens": tokens_out},
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 1:
            model = v.pick(r, "grok-3-mini", "grok-4")
            body = {
                "model": model,
                "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
                "reasoning_effort": v.pick(r, "low", "high"),
                "temperature": 0.3,
            }
            reply = {
                "id": contexts._rid(r),
                "object": "chat.completion",
                "created": contexts._epoch(r),
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": answer, "reasoning_content": "", "refusal": None},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {
                    "prompt_tokens": tokens_in,
                    "completion_tokens": tokens_out,
                    "completion_tokens_details": {"reasoning_tokens": r.randrange(50, 900)},
                },
                "system_fingerprint": "fp_" + v.rand(r, v.HEX, 10),
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 2:
            model = v.pick(r, "sonar", "sonar-pro")
            body = {
                "model": model,
                "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
                "search_recency_filter": "month",
            }
            sources = ["https://en.wikipedia.org/wiki/Job_interview", "https://www.who.int/health-topics/sleep"]
            reply = {
                "id": contexts._rid(r),
                "model": model,
                "created": contexts._epoch(r),
                "object": "chat.completion",
                "citations": sources,
                "search_results": [{"title": "Source", "url": url, "date": "2025-11-02"} for url in sources],
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": answer},
                        "delta": {"role": "assistant", "content": ""},
                    }
                ],
                "usage": {"prompt_tokens": tokens_in, "completion_tokens": tokens_out, "search_context_size": "low"},
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 3:
            body = {
                "version": v.rand(r, v.HEX, 64),
                "input": {
                    "prompt": user,
                    "system_prompt": system,
                    "max_new_tokens": r.choice((512, 1024)),
                    "temperature": 0.6,
                },
            }
            prediction = v.rand(r, string.ascii_lowercase + string.digits, 26)
            reply = {
                "id": prediction,
                "model": "meta/meta-llama-3-70b-instruct",
                "status": "succeeded",
                "output": _chunks(r, answer),
                "metrics": {"input_token_count": tokens_in, "output_token_count": tokens_out},
                "urls": {
                    "get": f"https://api.replicate.com/v1/predictions/{prediction}",
                    "cancel": f"https://api.replicate.com/v1/predictions/{prediction}/cancel",
                },
            }
            return body, reply, "", ""
        if shape == 4:
            body = {
                "inputs": _unsaid_markup(0, system, user, ""),
                "parameters": {"max_new_tokens": r.choice((256, 512)), "temperature": 0.4, "return_full_text": False},
            }
            return body, [{"generated_text": answer}], "chat_template", ""
        body = {
            "model": "accounts/fireworks/models/kimi-k2-instruct",
            "prompt": _unsaid_markup(2, system, user, ""),
            "max_tokens": r.choice((512, 1024)),
            "temperature": 0.6,
        }
        reply = {
            "id": contexts._rid(r),
            "object": "text_completion",
            "created": contexts._epoch(r),
            "model": body["model"],
            "choices": [{"index": 0, "text": answer, "finish_reason": "stop", "logprobs": None}],
            "usage": {"prompt_tokens": tokens_in, "completion_tokens": tokens_out},
        }
        return body, reply, "chat_template", ""

    def _unsaid_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then two turns per language in which
        the user pastes a password (a credential phrase), a key (its vendor's finding), a card number, an IBAN or a
        phone number, with an answer that does not repeat it; in a turn of that language when the conversation has
        one."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unsaid_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        kinds = ("password", "key", "card", "iban", "phone")
        regions = PHONE_REGIONS[self.split]
        for k, lang in enumerate(chat.UNSAID_LANGUAGES):
            for kind in (kinds[(2 * k) % 5], kinds[(2 * k + 1) % 5]):
                free = [i for i in range(5, ROWS // 2) if i not in used]
                turn = next((i for i in free if exchanges[i][0] == lang), free[0])
                used.add(turn)
                prompt, answer = chat.UNSAID_SECRET_TURNS[lang][kind]
                if kind == "password":
                    text, label = prompt.format(password=v.unsaid_password(r)), "credential_phrase"
                elif kind == "key":
                    gen, label = r.choice(UNSAID_PASTED_KEYS)
                    text = prompt.format(key=gen(r))
                elif kind == "card":
                    text, label = prompt.format(card=v.unsaid_card(r)), "payment_card"
                elif kind == "iban":
                    text, label = prompt.format(iban=v.unsaid_iban(r)), "iban"
                else:
                    text, label = prompt.format(phone=v.unsaid_phone(r, regions, True)), "phone"
                contents[2 * turn] = (text, _one(label))
                contents[2 * turn + 1] = (answer, NONE)

    def _unsaid_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as agent frameworks keep it: Pydantic AI's message history (``ModelMessagesTypeAdapter``),
        a DSPy LM history entry, a Mistral Agents conversation, or the OpenAI Agents SDK's ``to_input_list()``."""
        r = self.r
        system = chat.SYSTEM_PROMPTS[lang]
        stamp = contexts._ts(r).replace("Z", f".{r.randrange(0, 10**6):06d}Z")
        if shape == 0:
            history = [
                {
                    "parts": [
                        {"content": system, "timestamp": stamp, "dynamic_ref": None, "part_kind": "system-prompt"},
                        {"content": ex[0], "timestamp": stamp, "part_kind": "user-prompt"},
                    ],
                    "instructions": None,
                    "kind": "request",
                },
                {
                    "parts": [{"content": ex[1], "id": None, "part_kind": "text"}],
                    "usage": {"input_tokens": r.randrange(12, 900), "output_tokens": r.randrange(8, 900)},
                    "model_name": v.pick(r, "gpt-4o", "claude-sonnet-4-5", "gemini-2.5-flash"),
                    "timestamp": stamp,
                    "kind": "response",
                    "provider_name": v.pick(r, "openai", "anthropic", "google-gla"),
                },
            ]
            return json.dumps(history, ensure_ascii=r.random() < 0.5)
        if shape == 1:
            entry = {
                "prompt": None,
                "messages": [{"role": "system", "content": system}, {"role": "user", "content": ex[0]}],
                "kwargs": {"temperature": 0.0, "max_tokens": 1000},
                "response": {"id": f"chatcmpl-{contexts._rid(r)}", "model": "gpt-4o-mini-2024-07-18"},
                "outputs": [ex[1]],
                "usage": {"prompt_tokens": r.randrange(12, 900), "completion_tokens": r.randrange(8, 900)},
                "cost": round(r.uniform(0.0001, 0.01), 6),
                "timestamp": stamp,
                "uuid": contexts._rid(r),
                "model": "openai/gpt-4o-mini",
                "model_type": "chat",
            }
            return json.dumps(entry, ensure_ascii=False)
        if shape == 2:
            conversation = {
                "object": "conversation.response",
                "conversation_id": "conv_" + v.rand(r, string.ascii_lowercase + string.digits, 26),
                "inputs": [{"object": "entry", "type": "message.input", "role": "user", "content": ex[0]}],
                "outputs": [
                    {
                        "object": "entry",
                        "type": "message.output",
                        "role": "assistant",
                        "content": ex[1],
                        "agent_id": "ag_" + v.rand(r, string.ascii_lowercase + string.digits, 26),
                        "model": "mistral-medium-2505",
                        "created_at": stamp,
                    }
                ],
                "usage": {"prompt_tokens": r.randrange(12, 900), "completion_tokens": r.randrange(8, 900)},
            }
            return json.dumps(conversation, ensure_ascii=r.random() < 0.5)
        items = [
            {"content": ex[0], "role": "user"},
            {
                "id": "msg_" + v.rand(r, v.HEX, 48),
                "content": [{"annotations": [], "text": ex[1], "type": "output_text", "logprobs": []}],
                "role": "assistant",
                "status": "completed",
                "type": "message",
            },
        ]
        return json.dumps(items, ensure_ascii=False)

    def agent_tool_calls(self) -> CorpusTable:
        """An agent platform's tool-call audit: who ran the agent, the tool and its JSON arguments (an e-mail to send,
        a phone to text, an HTTP call with a bearer token or a secret reference, a DSN with or without a password, a
        refund IBAN, a card, a GitHub token), the tool's result (a customer record with an e-mail and a phone, or
        harmless text) and harmless columns (ids, hashes of the arguments, latencies)."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {
            k: []
            for k in (
                "call_id",
                "session_id",
                "user_email",
                "agent",
                "tool",
                "arguments",
                "result",
                "status",
                "latency_ms",
                "arguments_sha256",
            )
        }
        for _ in range(ROWS):
            cols["call_id"].append(("call_" + v.rand(r, v.ALNUM, 24), NONE))
            cols["session_id"].append((contexts._rid(r), NONE))
            if r.random() < 0.7:
                cols["user_email"].append((v.unsaid_email(r), _one("email")))
            else:
                cols["user_email"].append(("", NONE))
            cols["agent"].append((v.pick(r, "support-agent", "billing-agent", "ops-copilot", "research"), NONE))
            roll = r.random()
            result: tuple[str, frozenset[str]] = (v.pick(r, "ok", "queued", "done"), NONE)
            if roll < 0.12:
                tool = "send_email"
                args: object = {"to": v.unsaid_email(r), "subject": "Your refund", "body": "Your refund is on its way."}
                labels = _one("email")
                result = (f"queued message <{contexts._rid(r)}>", NONE)
            elif roll < 0.22:
                tool = "send_sms"
                code = r.randrange(100_000, 999_999)
                args = {"to": v.unsaid_phone(r, regions, True), "text": f"Your verification code is {code}"}
                labels = _one("phone")
            elif roll < 0.32:
                tool = "http_request"
                args = {
                    "method": "GET",
                    "url": "https://api.partner.zm/v1/orders?status=open",
                    "headers": {"Authorization": f"Bearer {v.opaque_token(r)}", "Accept": "application/json"},
                }
                labels = _one("bearer_token")
                result = (json.dumps({"status": 200, "orders": r.randrange(0, 40)}), NONE)
            elif roll < 0.4:
                tool = "http_request"
                args = {
                    "method": "GET",
                    "url": "https://api.partner.zm/v1/orders",
                    "headers": {"Authorization": "Bearer {{secrets.PARTNER_TOKEN}}"},
                }
                labels = NONE
            elif roll < 0.5:
                tool = "run_sql"
                password = urllib.parse.quote(v.unsaid_password(r), safe="")
                dsn = f"postgresql://agent_ro:{password}@warehouse.internal:5432/dw"
                args = {"dsn": dsn, "query": "SELECT count(*) FROM orders WHERE created_at > now() - interval '1 day'"}
                labels = _one("url_credentials")
                result = (json.dumps([{"count": r.randrange(10, 9000)}]), NONE)
            elif roll < 0.58:
                tool = "run_sql"
                args = {"dsn": "postgresql://agent_ro@warehouse.internal:5432/dw", "query": "SELECT 1"}
                labels = NONE
            elif roll < 0.66:
                tool = "create_refund"
                args = {"order_id": f"ORD-{r.randrange(10_000, 99_999)}", "iban": v.unsaid_iban(r, grouped=False)}
                labels = _one("iban")
            elif roll < 0.72:
                tool = "charge_card"
                args = {"card_number": v.unsaid_card(r, sep=""), "exp": "09/28", "amount_minor": r.randrange(100, 9999)}
                labels = _one("payment_card")
                result = ("declined: do_not_honor", NONE)
            elif roll < 0.78:
                tool = "github_create_issue"
                args = {"repo": "acme/evals", "title": "Flaky eval", "token": v.github_token(r, "ghs")}
                labels = _one("github_app_token")
            else:
                tool = v.pick(r, "lookup_customer", "web_search")
                if tool == "web_search":
                    args = {
                        "query": v.pick(r, "zambia public holidays 2026", "lao kip exchange rate"),
                        "max_results": 5,
                    }
                    result = ("3 results: timeanddate.com, wikipedia.org, gov.zm", NONE)
                else:
                    args = {"customer_id": f"cus_{v.rand(r, v.ALNUM, 14)}"}
                    record = {
                        "name": v.pick(r, "Chanda Mwale", "Aoife O'Brien", "Souksavanh K."),
                        "email": v.unsaid_email(r),
                        "phone": v.unsaid_phone(r, regions, True),
                        "plan": "pro",
                    }
                    result = (json.dumps(record, ensure_ascii=False), frozenset({"email", "phone"}))
                labels = NONE
            text = json.dumps(args, ensure_ascii=False)
            cols["tool"].append((tool, NONE))
            cols["arguments"].append((text, labels))
            cols["result"].append(result)
            cols["status"].append((v.pick(r, "success", "success", "error"), NONE))
            cols["latency_ms"].append((str(r.randrange(40, 9000)), NONE))
            cols["arguments_sha256"].append((hashlib.sha256(text.encode()).hexdigest(), NONE))
        table = CorpusTable("agent_tool_calls")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def secrets_sync(self) -> CorpusTable:
        """A secrets-sync service's log (External Secrets-like): the remote reference (a 1Password item field, a GCP
        Secret Manager version, a Doppler config, a Vault path), the Kubernetes key it was written to, the value it
        synced (a secret named by its reference, a vendor key, a password hash, or a plain setting), its digest and
        the sync's status."""
        r = self.r
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {
            k: [] for k in ("sync_id", "provider", "remote_ref", "target_key", "value", "value_sha256", "status")
        }
        for _ in range(ROWS):
            roll = r.random()
            if roll < 0.35:
                ref, gen = r.choice(_UNSAID_SECRET_ROWS)
                value, label = gen(r), _one("named_secret")
            elif roll < 0.6:
                ref, gen, name = r.choice(_UNSAID_VENDOR_ROWS)
                value, label = gen(r), _one(name)
            else:
                ref, gen = r.choice(_UNSAID_PLAIN_ROWS)
                value, label = gen(r), NONE
            provider = (
                "1password"
                if ref.startswith("op://")
                else "gcp-secret-manager"
                if ref.startswith("projects/")
                else "vault"
                if ref.startswith("kv/")
                else "doppler"
            )
            key = ref.rstrip("/").split("/")[-1].split("#")[-1].upper().replace("-", "_").replace(".", "_")
            cols["sync_id"].append((contexts._rid(r), NONE))
            cols["provider"].append((provider, NONE))
            cols["remote_ref"].append((ref, NONE))
            cols["target_key"].append((f"llm/{v.pick(r, 'gateway-env', 'worker-env', 'billing-env')}:{key}", NONE))
            cols["value"].append((value, label))
            cols["value_sha256"].append((hashlib.sha256(value.encode()).hexdigest(), NONE))
            cols["status"].append((v.pick(r, "SecretSynced", "SecretSynced", "SecretSyncedError"), NONE))
        table = CorpusTable("secrets_sync")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def billing_events(self) -> CorpusTable:
        """A billing system's event log: the customer's e-mail, the event's JSON payload (a card brand and last four, a
        legacy import with the full card number, a SEPA payout with an IBAN, a customer update with an e-mail and a
        phone, a paid invoice), card fingerprints, invoice numbers, amounts, and the phone a receipt went to."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {
            k: []
            for k in (
                "event_id",
                "type",
                "customer_email",
                "payload",
                "card_fingerprint",
                "card_last4",
                "invoice_number",
                "amount_minor",
                "currency",
                "receipt_phone",
            )
        }
        brands = sorted(v.UNSAID_CARD_BRANDS)
        for i in range(ROWS):
            roll = r.random()
            last4 = v.rand(r, string.digits, 4)
            if roll < 0.25:
                kind = "payment_method.attached"
                payload: object = {"card": {"brand": brands[i % len(brands)], "last4": last4, "exp_month": 9}}
                labels = NONE
            elif roll < 0.37:
                kind = "legacy.card_imported"
                payload = {"source": "legacy-billing", "pan": v.unsaid_card(r, brands[i % len(brands)], sep="")}
                labels = _one("payment_card")
            elif roll < 0.52:
                kind = "payout.created"
                payload = {"method": "sepa", "iban": v.unsaid_iban(r, grouped=False), "bic": "SSCBSCSC"}
                labels = _one("iban")
            elif roll < 0.67:
                kind = "customer.updated"
                payload = {"email": v.unsaid_email(r), "phone": v.unsaid_phone(r, regions, True), "locale": "en-ZM"}
                labels = frozenset({"email", "phone"})
            elif roll < 0.8:
                kind = "charge.failed"
                payload = {
                    "failure_code": "card_declined",
                    "failure_message": "Your card was declined.",
                    "last4": last4,
                }
                labels = NONE
            else:
                kind = "invoice.paid"
                payload = {"number": f"INV-2026-{r.randrange(1, 99999):05d}", "amount_paid": r.randrange(100, 99999)}
                labels = NONE
            cols["event_id"].append(("evt_" + v.rand(r, v.ALNUM, 24), NONE))
            cols["type"].append((kind, NONE))
            cols["customer_email"].append((v.unsaid_email(r), _one("email")))
            cols["payload"].append((json.dumps(payload, ensure_ascii=False), labels))
            cols["card_fingerprint"].append((v.rand(r, v.ALNUM, 16), NONE))
            cols["card_last4"].append((last4, NONE))
            cols["invoice_number"].append((f"INV-2026-{r.randrange(1, 99999):05d}", NONE))
            cols["amount_minor"].append((str(r.randrange(100, 999_999)), NONE))
            cols["currency"].append((v.pick(r, "zmw", "lak", "bwp", "nad", "ttd", "mur", "mwk", "amd"), NONE))
            if r.random() < 0.5:
                cols["receipt_phone"].append((v.unsaid_phone(r, regions), _one("phone")))
            else:
                cols["receipt_phone"].append(("", NONE))
        table = CorpusTable("billing_events")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    # ------------------------------------------------------------------------ unvoiced shapes and tables

    def _unvoiced_dump(self, head: dict[str, str]) -> str:
        """The gateway's request as .NET's ``IHttpClientFactory`` logging prints it (the Trace-level ``Request
        Headers:`` block between the LogicalHandler's and the ClientHandler's lines) or as the JDK's ``HttpClient``
        logs it with ``-Djdk.httpclient.HttpClient.log=headers``."""
        r = self.r
        lower = {k.lower(): val for k, val in head.items()}
        host, path = _unvoiced_endpoint(lower)
        url = f"https://{host}{path}"
        if r.random() < 0.5:
            client = v.pick(r, "llm", "upstream", "cerebras", "gateway")
            names = {"authorization": "Authorization", "content-type": "Content-Type", "x-request-id": "X-Request-Id"}
            pad = "      "
            lines = [f"info: System.Net.Http.HttpClient.{client}.LogicalHandler[100]"]
            lines.append(f"{pad}Start processing HTTP request POST {url}")
            lines.append(f"trce: System.Net.Http.HttpClient.{client}.LogicalHandler[102]")
            lines.append(f"{pad}Request Headers:")
            for k, val in lower.items():
                shown = val + "; charset=utf-8" if k == "content-type" else val
                lines.append(f"{pad}{names.get(k, k)}: {shown}")
            lines.append(f"info: System.Net.Http.HttpClient.{client}.ClientHandler[100]")
            lines.append(f"{pad}Sending HTTP request POST {url}")
            return "\n".join(lines)
        hour = r.randrange(1, 13)
        when = f"Jan {r.randrange(10, 28)}, 2026 {hour}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d} AM"
        version = v.pick(r, "17.0.13", "21.0.5", "21.0.6")
        lines = [
            f"{when} jdk.internal.net.http.MultiExchange requestSent",
            f"INFO: REQUEST: {url} POST",
            f"{when} jdk.internal.net.http.Http1Request headers",
            "INFO: HEADERS: REQUEST HEADERS:",
            f"POST {path} HTTP/1.1",
            f"Content-Length: {r.randrange(120, 4000)}",
            f"Host: {host}",
            f"User-Agent: Java-http-client/{version}",
        ]
        lines += [f"{k}: {val}" for k, val in lower.items()]
        return "\n".join(lines)

    def _unvoiced_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object], str, str]:
        """A request body and its reply with what each holds: Cerebras chat completions (with ``time_info``),
        DashScope's native text generation (``input.messages``, ``output.choices``), Cloudflare Workers AI (messages in,
        a bare ``response`` back), NVIDIA NIM completions with a Nemotron prompt, AI21's Jamba chat, or vLLM's
        completions with a Seed-OSS prompt."""
        r = self.r
        system = chat.SYSTEM_PROMPTS[lang]
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        usage = {"prompt_tokens": tokens_in, "completion_tokens": tokens_out, "total_tokens": tokens_in + tokens_out}
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        shape = r.randrange(6)
        if shape == 0:
            model = v.pick(r, "llama-3.3-70b", "qwen-3-32b", "gpt-oss-120b")
            body: dict[str, object] = {"model": model, "messages": messages, "max_completion_tokens": 1024}
            created = contexts._epoch(r)
            reply: dict[str, object] = {
                "id": f"chatcmpl-{contexts._rid(r)}",
                "choices": [{"finish_reason": "stop", "index": 0, "message": {"content": answer, "role": "assistant"}}],
                "created": created,
                "model": model,
                "system_fingerprint": "fp_" + v.rand(r, v.HEX, 10),
                "object": "chat.completion",
                "usage": usage,
                "time_info": {
                    "queue_time": round(r.uniform(0.0001, 0.01), 6),
                    "prompt_time": round(r.uniform(0.001, 0.05), 6),
                    "completion_time": round(r.uniform(0.05, 2), 6),
                    "total_time": round(r.uniform(0.1, 3), 6),
                    "created": created,
                },
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 1:
            body = {
                "model": v.pick(r, "qwen-plus", "qwen-max", "qwen-turbo"),
                "input": {"messages": messages},
                "parameters": {"result_format": "message", "enable_search": False},
            }
            reply = {
                "output": {"choices": [{"finish_reason": "stop", "message": {"role": "assistant", "content": answer}}]},
                "usage": {
                    "input_tokens": tokens_in,
                    "output_tokens": tokens_out,
                    "total_tokens": tokens_in + tokens_out,
                },
                "request_id": contexts._rid(r),
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 2:
            body = {"messages": messages, "max_tokens": r.choice((256, 512)), "temperature": 0.6}
            reply = {
                "result": {"response": answer, "usage": usage},
                "success": True,
                "errors": [],
                "messages": [],
            }
            return body, reply, "chat_role_json", ""
        if shape == 3:
            model = "nvidia/nemotron-4-340b-instruct"
            body = {"model": model, "prompt": _unvoiced_markup(0, system, user, ""), "max_tokens": 1024}
            reply = {
                "id": f"cmpl-{v.rand(r, v.HEX, 32)}",
                "object": "text_completion",
                "created": contexts._epoch(r),
                "model": model,
                "choices": [{"index": 0, "text": answer, "finish_reason": "stop"}],
                "usage": usage,
            }
            return body, reply, "chat_template", ""
        if shape == 4:
            body = {
                "model": v.pick(r, "jamba-large", "jamba-mini"),
                "messages": messages,
                "documents": [],
                "response_format": {"type": "text"},
            }
            reply = {
                "id": contexts._rid(r),
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": answer, "tool_calls": None},
                        "finish_reason": "stop",
                    }
                ],
                "usage": usage,
                "meta": {"requestDurationMillis": r.randrange(200, 9000)},
            }
            return body, reply, "chat_role_json", "chat_role_json"
        model = "ByteDance-Seed/Seed-OSS-36B-Instruct"
        body = {"model": model, "prompt": _unvoiced_markup(3, system, user, ""), "max_tokens": 1024, "temperature": 1.1}
        reply = {
            "id": f"cmpl-{v.rand(r, v.HEX, 32)}",
            "object": "text_completion",
            "created": contexts._epoch(r),
            "model": model,
            "choices": [{"index": 0, "text": answer, "logprobs": None, "finish_reason": "stop", "stop_reason": None}],
            "usage": usage,
        }
        return body, reply, "chat_template", ""

    def _unvoiced_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then two turns per language in which
        the user pastes a password (a credential phrase), a key (its vendor's finding), a card number, an IBAN or a
        phone number, with an answer that does not repeat it; in a turn of that language when the conversation has
        one."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unvoiced_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        kinds = ("password", "key", "card", "iban", "phone")
        regions = PHONE_REGIONS[self.split]
        for k, lang in enumerate(chat.UNVOICED_LANGUAGES):
            for kind in (kinds[(2 * k + 1) % 5], kinds[(2 * k + 2) % 5]):
                free = [i for i in range(5, ROWS // 2) if i not in used]
                turn = next((i for i in free if exchanges[i][0] == lang), free[0])
                used.add(turn)
                prompt, answer = chat.UNVOICED_SECRET_TURNS[lang][kind]
                if kind == "password":
                    text, label = prompt.format(password=v.unvoiced_password(r)), "credential_phrase"
                elif kind == "key":
                    gen, label = r.choice(UNVOICED_PASTED_KEYS)
                    text = prompt.format(key=gen(r))
                elif kind == "card":
                    text, label = prompt.format(card=v.unvoiced_card(r)), "payment_card"
                elif kind == "iban":
                    text, label = prompt.format(iban=v.unvoiced_iban(r)), "iban"
                else:
                    text, label = prompt.format(phone=v.unvoiced_phone(r, regions, True)), "phone"
                contents[2 * turn] = (text, _one(label))
                contents[2 * turn + 1] = (answer, NONE)

    def _unvoiced_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as tracing and agent tools keep it: a LangSmith run's inputs and outputs (LangChain's
        serialised messages), a Google ADK session's events, OpenAI Realtime conversation items, or smolagents'
        memory steps."""
        r = self.r
        system = chat.SYSTEM_PROMPTS[lang]
        if shape == 0:

            def lc(kind: str, content: str) -> dict[str, object]:
                return {
                    "lc": 1,
                    "type": "constructor",
                    "id": ["langchain", "schema", "messages", kind],
                    "kwargs": {"content": content, "type": kind.removesuffix("Message").lower()},
                }

            run = {
                "id": contexts._rid(r),
                "run_type": "llm",
                "name": "ChatOpenAI",
                "inputs": {"messages": [[lc("SystemMessage", system), lc("HumanMessage", ex[0])]]},
                "outputs": {
                    "generations": [
                        [
                            {
                                "text": ex[1],
                                "type": "ChatGeneration",
                                "message": lc("AIMessage", ex[1]),
                                "generation_info": {"finish_reason": "stop"},
                            }
                        ]
                    ],
                    "llm_output": {"model_name": "gpt-4o-mini"},
                },
            }
            return json.dumps(run, ensure_ascii=r.random() < 0.5)
        if shape == 1:
            session = contexts._rid(r)
            events = [
                {
                    "id": v.rand(r, v.ALNUM, 8),
                    "invocation_id": f"e-{contexts._rid(r)}",
                    "author": "user",
                    "content": {"role": "user", "parts": [{"text": ex[0]}]},
                    "timestamp": contexts._epoch(r) + r.random(),
                },
                {
                    "id": v.rand(r, v.ALNUM, 8),
                    "invocation_id": f"e-{contexts._rid(r)}",
                    "author": "support_agent",
                    "content": {"role": "model", "parts": [{"text": ex[1]}]},
                    "timestamp": contexts._epoch(r) + r.random(),
                },
            ]
            doc = {"id": session, "app_name": "support", "user_id": f"u_{r.randrange(1000, 9999)}", "events": events}
            return json.dumps(doc, ensure_ascii=False)
        if shape == 2:
            items = [
                {
                    "type": "conversation.item.created",
                    "event_id": "event_" + v.rand(r, v.ALNUM, 22),
                    "item": {
                        "id": "item_" + v.rand(r, v.ALNUM, 22),
                        "type": "message",
                        "role": "user",
                        "content": [{"type": "input_audio", "transcript": ex[0]}],
                    },
                },
                {
                    "type": "response.done",
                    "event_id": "event_" + v.rand(r, v.ALNUM, 22),
                    "response": {
                        "id": "resp_" + v.rand(r, v.ALNUM, 22),
                        "status": "completed",
                        "output": [
                            {
                                "id": "item_" + v.rand(r, v.ALNUM, 22),
                                "type": "message",
                                "role": "assistant",
                                "content": [{"type": "audio", "transcript": ex[1]}],
                            }
                        ],
                    },
                },
            ]
            return json.dumps(items, ensure_ascii=r.random() < 0.5)
        steps = [
            {"system_prompt": system},
            {"task": ex[0]},
            {
                "step_number": 1,
                "model_input_messages": [
                    {"role": "system", "content": [{"type": "text", "text": system}]},
                    {"role": "user", "content": [{"type": "text", "text": ex[0]}]},
                ],
                "model_output_message": {"role": "assistant", "content": ex[1]},
                "action_output": ex[1],
                "duration": round(r.uniform(0.5, 9), 3),
            },
        ]
        return json.dumps(steps, ensure_ascii=False)

    def connector_configs(self) -> CorpusTable:
        """A RAG platform's data connectors: the kind, its JSON config (a DSN with or without a password, Snowflake
        password and key-pair auth, Databricks, Notion, Confluence, S3, GCS, Slack, GitHub, Pinecone, a crawler), the
        secret reference used instead when there is one, who created it and a digest of the config."""
        r = self.r
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {
            k: []
            for k in (
                "connector_id",
                "workspace",
                "kind",
                "config",
                "secret_ref",
                "created_by",
                "status",
                "config_sha256",
            )
        }
        for _ in range(ROWS):
            roll = r.random()
            ref: tuple[str, frozenset[str]] = ("", NONE)
            if roll < 0.1:
                kind = "postgres"
                config: object = {
                    "dsn": f"postgresql://rag_reader:{v.unvoiced_neon_password(r)}@ep-quiet-river-a1b2c3d4.eu-central-1"
                    ".aws.neon.tech/docs?sslmode=require",
                    "tables": ["articles", "faq"],
                }
                labels = _one("url_credentials")
            elif roll < 0.18:
                kind = "postgres"
                config = {"dsn": "postgresql://rag_reader@pg-docs.internal:5432/docs", "tables": ["articles"]}
                ref = ("vault:kv/data/rag/pg-docs#password", NONE)
                labels = NONE
            elif roll < 0.26:
                kind = "snowflake"
                config = {
                    "account": "acme-ai",
                    "user": "RAG_LOADER",
                    "password": v.unvoiced_password(r),
                    "warehouse": "RAG_WH",
                }
                labels = _one("password_assignment")
            elif roll < 0.32:
                kind = "snowflake"
                pem = "\n".join(["-----BEGIN PRIVATE KEY-----", *_uv_pem_lines(r, 300), "-----END PRIVATE KEY-----"])
                config = {
                    "account": "acme-ai",
                    "user": "RAG_LOADER",
                    "authenticator": "SNOWFLAKE_JWT",
                    "private_key": pem,
                }
                labels = _one("private_key")
            elif roll < 0.4:
                kind = "databricks"
                host = f"adb-{r.randrange(10**6, 10**7)}.11.azuredatabricks.net"
                config = {"host": host, "token": v.unvoiced_databricks_pat(r), "catalog": "main"}
                labels = _one("auth_token_assignment")
            elif roll < 0.47:
                kind = "notion"
                config = {"integration_token": v.unvoiced_notion_token(r), "root_page": contexts._rid(r)}
                labels = _one("auth_token_assignment")
            elif roll < 0.53:
                kind = "confluence"
                config = {
                    "base_url": "https://acme-ai.atlassian.net/wiki",
                    "username": v.unvoiced_email(r),
                    "api_token": v.unvoiced_atlassian_token(r),
                    "spaces": ["ENG", "SUP"],
                }
                labels = frozenset({"email", "auth_token_assignment"})
            elif roll < 0.6:
                kind = "s3"
                config = {
                    "bucket": "acme-rag-docs",
                    "aws_access_key_id": v.aws_key_id(r),
                    "aws_secret_access_key": v.aws_secret(r),
                }
                labels = frozenset({"aws_access_key_id", "aws_secret_access_key"})
            elif roll < 0.65:
                kind = "gcs"
                config = {"bucket": "acme-rag-exports", "service_account_json": json.loads(_uv_sa_json(r))}
                labels = _one("private_key")
            elif roll < 0.71:
                kind = "slack"
                config = {"bot_token": v.slack_token(r), "channels": ["#support", "#eng-help"]}
                labels = _one("slack_token")
            elif roll < 0.76:
                kind = "github"
                config = {"token": v.github_token(r, "ghp"), "repos": ["acme/docs", "acme/sdk"]}
                labels = _one("github_classic_token")
            elif roll < 0.82:
                kind = "pinecone"
                config = {"api_key": v.unvoiced_pinecone_key(r), "index": "docs-v3"}
                labels = _one("generic_secret")
            elif roll < 0.88:
                kind = "pinecone"
                config = {"api_key": "${PINECONE_API_KEY}", "index": "docs-v3"}
                ref = ("op://RAG/Pinecone/credential", NONE)
                labels = NONE
            else:
                kind = "web"
                config = {"start_url": "https://docs.acme.ai", "max_depth": r.randrange(1, 5), "respect_robots": True}
                labels = NONE
            text = json.dumps(config, ensure_ascii=False)
            cols["connector_id"].append(("conn_" + v.rand(r, v.ALNUM, 20), NONE))
            cols["workspace"].append((v.pick(r, "support", "eng", "sales", "research"), NONE))
            cols["kind"].append((kind, NONE))
            cols["config"].append((text, labels))
            cols["secret_ref"].append(ref)
            if r.random() < 0.7:
                cols["created_by"].append((v.unvoiced_email(r), _one("email")))
            else:
                cols["created_by"].append(("system", NONE))
            cols["status"].append((v.pick(r, "synced", "synced", "failed", "paused"), NONE))
            cols["config_sha256"].append((hashlib.sha256(text.encode()).hexdigest(), NONE))
        table = CorpusTable("connector_configs")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def idp_events(self) -> CorpusTable:
        """An identity provider's event log (Auth0-like): the event type, the user (an e-mail or a plain username), the
        client's address, the phone an MFA code went to (full or masked), and the event's details (a token exchange's
        body with a refresh token or a client secret, a failed login's reason, harmless metadata)."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {
            k: [] for k in ("log_id", "type", "user_name", "user_id", "ip", "mfa_phone", "details", "client_id")
        }
        for _ in range(ROWS):
            roll = r.random()
            if roll < 0.2:
                kind = "fertft"
                details: object = {
                    "body": {
                        "grant_type": "refresh_token",
                        "refresh_token": v.opaque_token(r),
                        "client_id": v.rand(r, v.ALNUM, 32),
                    },
                    "error": "Unknown or invalid refresh token.",
                }
                labels = _one("auth_token_assignment")
            elif roll < 0.3:
                kind = "feccft"
                details = {
                    "body": {"grant_type": "client_credentials", "client_secret": v.rand(r, v.ALNUM + "-_", 64)},
                    "error": "Unauthorized",
                }
                labels = _one("generic_secret")
            elif roll < 0.5:
                kind = "fp"
                details = {"error": {"message": "Wrong email or password.", "oauthError": "invalid_grant"}}
                labels = NONE
            elif roll < 0.7:
                kind = "s"
                details = {
                    "prompts": [{"name": "login", "elapsedTime": r.randrange(80, 4000)}],
                    "stats": {"loginsCount": r.randrange(1, 900)},
                }
                labels = NONE
            else:
                kind = "gd_send_sms"
                details = {"to": "[REDACTED]", "provider": "twilio", "template": "otp"}
                labels = NONE
            cols["log_id"].append(("900" + v.rand(r, string.digits, 3) + v.rand(r, v.HEX, 40), NONE))
            cols["type"].append((kind, NONE))
            if r.random() < 0.75:
                cols["user_name"].append((v.unvoiced_email(r), _one("email")))
            else:
                cols["user_name"].append((v.pick(r, "aibek_t", "hodan", "kavya.g", "rakoto"), NONE))
            cols["user_id"].append(("auth0|" + v.rand(r, v.HEX, 24), NONE))
            ip = v.ipv4(r) if r.random() < 0.7 else v.ipv6(r)
            cols["ip"].append((ip, _one("ipv6" if ":" in ip else "ipv4")))
            if r.random() < 0.4:
                cols["mfa_phone"].append((v.unvoiced_phone(r, regions, True), _one("phone")))
            else:
                cols["mfa_phone"].append((f"+XX XXXXXX{v.rand(r, string.digits, 2)}", NONE))
            cols["details"].append((json.dumps(details, ensure_ascii=False), labels))
            cols["client_id"].append((v.rand(r, v.ALNUM, 32), NONE))
        table = CorpusTable("idp_events")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def prompt_feedback(self) -> CorpusTable:
        """Users' feedback on answers: a rating, a comment (now and then with the user's e-mail, phone number or a
        card they wanted refunded), the rated exchange as a ``USER:``/``ASSISTANT:`` transcript, model and locale."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        langs = self._languages()
        exchanges = [ex for lang in langs for ex in chat.EXCHANGES[lang]]
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {
            k: [] for k in ("feedback_id", "rating", "comment", "excerpt", "model", "locale")
        }
        for _ in range(ROWS):
            roll = r.random()
            if roll < 0.15:
                comment = f"The answer was wrong, please have someone email me at {v.unvoiced_email(r)}"
                labels = _one("email")
            elif roll < 0.25:
                comment = f"call me back on {v.unvoiced_phone(r, regions, True)}, the bot keeps looping"
                labels = _one("phone")
            elif roll < 0.3:
                comment = f"you charged {v.unvoiced_card(r)} twice for the same month"
                labels = _one("payment_card")
            else:
                comment = v.pick(
                    r,
                    "Great answer, thanks!",
                    "Too long, I wanted a short reply.",
                    "It answered in the wrong language.",
                    "Helpful, but the recipe was missing a step.",
                    "",
                )
                labels = NONE
            user, answer = r.choice(exchanges)
            cols["feedback_id"].append(("fb_" + v.rand(r, v.ALNUM, 20), NONE))
            cols["rating"].append((v.pick(r, "1", "2", "3", "4", "5"), NONE))
            cols["comment"].append((comment, labels))
            cols["excerpt"].append((f"USER: {user}\nASSISTANT: {answer}", _one("chat_transcript")))
            cols["model"].append((v.pick(r, "llama-3.3-70b", "qwen-plus", "jamba-large", "nemotron-4-340b"), NONE))
            cols["locale"].append((v.pick(r, "gu-IN", "kn-IN", "ha-NG", "so-SO", "ky-KG", "en-FJ"), NONE))
        table = CorpusTable("prompt_feedback")
        for name, cells in cols.items():
            table.add(name, cells, frozenset({"chat_text"}) if name == "excerpt" else frozenset())
        return table

    # ------------------------------------------------------------------------ unsung shapes and tables

    def _unsung_dump(self, head: dict[str, str]) -> str:
        """The gateway's request as Apache HttpClient 4 logs it (``org.apache.http.headers`` at DEBUG, one ``>>`` line
        per header) or as Ruby's ``Net::HTTP#set_debug_output`` prints it (the request as a dumped string)."""
        r = self.r
        lower = {k.lower(): val for k, val in head.items()}
        host, path = _unsung_endpoint(lower)
        names = {"authorization": "Authorization", "content-type": "Content-Type", "x-request-id": "X-Request-ID"}
        length = r.randrange(120, 4000)
        if r.random() < 0.5:
            conn = f"http-outgoing-{r.randrange(0, 40)}"
            clock = f"{r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"
            thread = f"pool-2-thread-{r.randrange(1, 9)}"
            prefix = f"2026-01-{r.randrange(10, 28)} {clock},{r.randrange(0, 1000):03d} DEBUG [{thread}]"
            prefix += " org.apache.http.headers - " + conn + " >> "
            lines = [f"{prefix}POST {path} HTTP/1.1"]
            lines += [f"{prefix}{names.get(k, k)}: {val}" for k, val in lower.items()]
            lines += [
                f"{prefix}Content-Length: {length}",
                f"{prefix}Host: {host}",
                f"{prefix}Connection: Keep-Alive",
                f"{prefix}User-Agent: Apache-HttpClient/4.5.14 (Java/17.0.13)",
            ]
            return "\n".join(lines)
        crlf = "\\r\\n"
        fields = "".join(f"{names.get(k, k).title()}: {val}{crlf}" for k, val in lower.items())
        request = (
            f"POST {path} HTTP/1.1{crlf}Accept-Encoding: gzip;q=1.0,deflate;q=0.6,identity;q=0.3{crlf}Accept: */*{crlf}"
            f"User-Agent: Ruby{crlf}{fields}Host: {host}{crlf}Content-Length: {length}{crlf}{crlf}"
        )
        return "\n".join(
            [
                f"opening connection to {host}:443...",
                "opened",
                f"starting SSL for {host}:443...",
                "SSL established, protocol: TLSv1.3, cipher: TLS_AES_256_GCM_SHA384",
                f'<- "{request}"',
            ]
        )

    def _unsung_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object], str, str]:
        """A request body and its reply with what each holds: Yandex GPT's completion (``text`` for content),
        GigaChat's chat completions, ERNIE's native chat (a bare ``result`` back), Tencent Hunyuan's capitalised
        ``Messages``, MiniMax's ``sender_type`` messages, Reka's ``responses``, or llama.cpp server's ``/completion``
        with an EXAONE prompt."""
        r = self.r
        system = chat.SYSTEM_PROMPTS[lang]
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        usage = {"prompt_tokens": tokens_in, "completion_tokens": tokens_out, "total_tokens": tokens_in + tokens_out}
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        shape = r.randrange(7)
        if shape == 0:
            body: dict[str, object] = {
                "modelUri": f"gpt://b1g{v.rand(r, string.ascii_lowercase + string.digits, 17)}/yandexgpt-lite/latest",
                "completionOptions": {"stream": False, "temperature": 0.3, "maxTokens": "2000"},
                "messages": [{"role": "system", "text": system}, {"role": "user", "text": user}],
            }
            reply: dict[str, object] = {
                "result": {
                    "alternatives": [
                        {"message": {"role": "assistant", "text": answer}, "status": "ALTERNATIVE_STATUS_FINAL"}
                    ],
                    "usage": {
                        "inputTextTokens": str(tokens_in),
                        "completionTokens": str(tokens_out),
                        "totalTokens": str(tokens_in + tokens_out),
                    },
                    "modelVersion": "23.10.2024",
                }
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 1:
            body = {"model": "GigaChat-Pro", "messages": messages, "temperature": 0.87, "repetition_penalty": 1.07}
            reply = {
                "choices": [{"message": {"role": "assistant", "content": answer}, "index": 0, "finish_reason": "stop"}],
                "created": contexts._epoch(r),
                "model": "GigaChat-Pro:1.0.26.20",
                "object": "chat.completion",
                "usage": usage,
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 2:
            body = {"messages": [{"role": "user", "content": user}], "system": system, "temperature": 0.8}
            reply = {
                "id": "as-" + v.rand(r, string.ascii_lowercase + string.digits, 10),
                "object": "chat.completion",
                "created": contexts._epoch(r),
                "result": answer,
                "is_truncated": False,
                "need_clear_history": False,
                "usage": usage,
            }
            return body, reply, "chat_role_json", ""
        if shape == 3:
            body = {
                "Model": "hunyuan-pro",
                "Messages": [{"Role": "system", "Content": system}, {"Role": "user", "Content": user}],
                "Stream": False,
            }
            reply = {
                "Response": {
                    "Id": contexts._rid(r),
                    "Created": contexts._epoch(r),
                    "Choices": [{"Message": {"Role": "assistant", "Content": answer}, "FinishReason": "stop"}],
                    "Usage": {
                        "PromptTokens": tokens_in,
                        "CompletionTokens": tokens_out,
                        "TotalTokens": tokens_in + tokens_out,
                    },
                    "RequestId": contexts._rid(r),
                }
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 4:
            bot = "MM智能助理"
            body = {
                "model": "abab6.5s-chat",
                "bot_setting": [{"bot_name": bot, "content": system}],
                "messages": [{"sender_type": "USER", "sender_name": "用户", "text": user}],
                "reply_constraints": {"sender_type": "BOT", "sender_name": bot},
            }
            reply = {
                "id": v.rand(r, v.HEX, 32),
                "created": contexts._epoch(r),
                "model": "abab6.5s-chat",
                "reply": answer,
                "choices": [
                    {"finish_reason": "stop", "messages": [{"sender_type": "BOT", "sender_name": bot, "text": answer}]}
                ],
                "usage": {"total_tokens": tokens_in + tokens_out},
                "base_resp": {"status_code": 0, "status_msg": "success"},
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 5:
            body = {"model": "reka-core", "messages": [{"role": "user", "content": user}], "max_tokens": 1024}
            reply = {
                "id": contexts._rid(r),
                "model": "reka-core-20240501",
                "usage": {"input_tokens": tokens_in, "output_tokens": tokens_out},
                "responses": [{"finish_reason": "stop", "message": {"role": "assistant", "content": answer}}],
            }
            return body, reply, "chat_role_json", "chat_role_json"
        body = {
            "prompt": _unsung_markup(0, system, user, ""),
            "n_predict": 512,
            "temperature": 0.7,
            "cache_prompt": True,
        }
        reply = {
            "content": answer,
            "id_slot": 0,
            "stop": True,
            "model": "EXAONE-3.5-7.8B-Instruct-Q4_K_M.gguf",
            "tokens_predicted": tokens_out,
            "tokens_evaluated": tokens_in,
        }
        return body, reply, "chat_template", ""

    def _unsung_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then two turns per language in which
        the user pastes a password (a credential phrase), a key (its vendor's finding), a card number, an IBAN or a
        phone number, with an answer that does not repeat it; in a turn of that language when the conversation has
        one."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unsung_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        kinds = ("password", "key", "card", "iban", "phone")
        regions = PHONE_REGIONS[self.split]
        for k, lang in enumerate(chat.UNSUNG_LANGUAGES):
            for kind in (kinds[(2 * k) % 5], kinds[(2 * k + 3) % 5]):
                free = [i for i in range(5, ROWS // 2) if i not in used]
                turn = next((i for i in free if exchanges[i][0] == lang), free[0])
                used.add(turn)
                prompt, answer = chat.UNSUNG_SECRET_TURNS[lang][kind]
                if kind == "password":
                    text, label = prompt.format(password=v.unsung_password(r)), "credential_phrase"
                elif kind == "key":
                    gen, label = r.choice(UNSUNG_PASTED_KEYS)
                    text = prompt.format(key=gen(r))
                elif kind == "card":
                    text, label = prompt.format(card=v.unsung_card(r)), "payment_card"
                elif kind == "iban":
                    text, label = prompt.format(iban=v.unsung_iban(r)), "iban"
                else:
                    text, label = prompt.format(phone=v.unsung_phone(r, regions, True)), "phone"
                contents[2 * turn] = (text, _one(label))
                contents[2 * turn + 1] = (answer, NONE)

    def _unsung_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as chat products export or keep it: a ChatGPT ``conversations.json`` entry (a mapping of
        nodes), a LibreChat conversation export, Bot Framework activities, or a Letta agent's messages."""
        r = self.r
        system = chat.SYSTEM_PROMPTS[lang]
        if shape == 0:
            root, first, second = contexts._rid(r), contexts._rid(r), contexts._rid(r)
            created = contexts._epoch(r) + round(r.random(), 6)

            def node(nid: str, role: str, text: str, parent: str, children: list[str]) -> dict[str, object]:
                message = {
                    "id": nid,
                    "author": {"role": role, "name": None, "metadata": {}},
                    "create_time": created,
                    "content": {"content_type": "text", "parts": [text]},
                    "status": "finished_successfully",
                }
                return {"id": nid, "message": message, "parent": parent, "children": children}

            mapping = {
                root: {"id": root, "message": None, "parent": None, "children": [first]},
                first: node(first, "user", ex[0], root, [second]),
                second: node(second, "assistant", ex[1], first, []),
            }
            doc = {"title": "Untitled", "create_time": created, "mapping": mapping, "current_node": second}
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 1:
            first, second = contexts._rid(r), contexts._rid(r)
            doc = {
                "conversationId": contexts._rid(r),
                "title": "New Chat",
                "endpoint": "openAI",
                "messages": [
                    {
                        "messageId": first,
                        "parentMessageId": "00000000-0000-0000-0000-000000000000",
                        "sender": "User",
                        "text": ex[0],
                        "isCreatedByUser": True,
                    },
                    {
                        "messageId": second,
                        "parentMessageId": first,
                        "sender": "GPT-4o",
                        "text": ex[1],
                        "isCreatedByUser": False,
                    },
                ],
            }
            return json.dumps(doc, ensure_ascii=False)
        if shape == 2:
            conversation = {"id": v.rand(r, v.ALNUM, 22) + "-" + lang}
            first = v.rand(r, v.ALNUM, 22) + "-" + lang + "|0000000"
            activities = [
                {
                    "type": "message",
                    "id": first,
                    "timestamp": contexts._ts(r),
                    "channelId": "webchat",
                    "from": {"id": "dl_" + v.rand(r, v.HEX, 32), "role": "user"},
                    "conversation": conversation,
                    "locale": lang,
                    "text": ex[0],
                },
                {
                    "type": "message",
                    "id": v.rand(r, v.ALNUM, 22) + "-" + lang + "|0000001",
                    "timestamp": contexts._ts(r),
                    "channelId": "webchat",
                    "from": {"id": "acme-support-bot", "name": "Acme Support", "role": "bot"},
                    "conversation": conversation,
                    "text": ex[1],
                    "replyToId": first,
                },
            ]
            return json.dumps(activities, ensure_ascii=r.random() < 0.5)
        messages = [
            {
                "id": f"message-{contexts._rid(r)}",
                "date": contexts._ts(r),
                "message_type": "system_message",
                "content": system,
            },
            {
                "id": f"message-{contexts._rid(r)}",
                "date": contexts._ts(r),
                "message_type": "user_message",
                "content": ex[0],
            },
            {
                "id": f"message-{contexts._rid(r)}",
                "date": contexts._ts(r),
                "message_type": "assistant_message",
                "content": ex[1],
            },
        ]
        return json.dumps(messages, ensure_ascii=False)

    def payout_accounts(self) -> CorpusTable:
        """A marketplace's payout accounts: the seller's e-mail, the IBAN (valid, masked, or rejected for its check
        digits), the bank's BIC, a debit card for instant payouts (full, or masked), the phone for payout alerts (full,
        masked, or a number that is none), the reviewer's note and the address the account was added from."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {
            k: []
            for k in (
                "account_id",
                "seller_email",
                "country",
                "iban",
                "bic",
                "instant_card",
                "alert_phone",
                "note",
                "added_from",
            )
        }
        bics = {
            "MD": "AGRNMD2X",
            "BI": "BCRBBIBI",
            "DJ": "BCIMDJJD",
            "NI": "BAPRNIMA",
            "ST": "BISTSTST",
            "TL": "BNCTTLDI",
        }
        for _ in range(ROWS):
            country = r.choice(sorted(v.UNSUNG_IBAN_COUNTRIES))
            roll = r.random()
            if roll < 0.6:
                cols["iban"].append((v.unsung_iban(r, country=country), _one("iban")))
            elif roll < 0.8:
                cols["iban"].append((f"{country}** **** **** {v.rand(r, string.digits, 4)}", NONE))
            else:
                cols["iban"].append((v.unsung_iban(r, valid=False, country=country), NONE))
            cols["account_id"].append(("pa_" + v.rand(r, v.ALNUM, 24), NONE))
            cols["seller_email"].append((v.unsung_email(r), _one("email")))
            cols["country"].append((country, NONE))
            cols["bic"].append((bics[country], NONE))
            roll = r.random()
            if roll < 0.35:
                cols["instant_card"].append((v.unsung_card(r), _one("payment_card")))
            elif roll < 0.7:
                digits = v.unsung_card_number(r)
                cols["instant_card"].append((f"{digits[:6]}******{digits[-4:]}", NONE))
            else:
                cols["instant_card"].append(("", NONE))
            roll = r.random()
            if roll < 0.5:
                cols["alert_phone"].append((v.unsung_phone(r, regions), _one("phone")))
            elif roll < 0.75:
                cols["alert_phone"].append(
                    (f"+{v.pick(r, '852', '225', '93', '387')} ••• ••• {v.rand(r, string.digits, 2)}", NONE)
                )
            else:
                cols["alert_phone"].append((v.unsung_invalid_phone(r, regions), NONE))
            roll = r.random()
            if roll < 0.12:
                note = (
                    f"seller sent the online banking password by mail ({v.unsung_password(r)}), told them to change it"
                )
                labels = _one("credential_phrase")
            elif roll < 0.22:
                note = f"called the seller back on {v.unsung_phone(r, regions, True)} to confirm the account"
                labels = _one("phone")
            else:
                note = v.pick(
                    r,
                    "KYC documents verified.",
                    "Name on the account matches the seller.",
                    "IBAN failed the checksum, asked the seller to re-enter it.",
                    "Payout schedule changed to weekly.",
                    "",
                )
                labels = NONE
            cols["note"].append((note, labels))
            ip = v.ipv4(r) if r.random() < 0.6 else v.ipv6(r)
            cols["added_from"].append((ip, _one("ipv6" if ":" in ip else "ipv4")))
        table = CorpusTable("payout_accounts")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def device_registry(self) -> CorpusTable:
        """A mobile app's device registry: the handset's IMEI and the SIM's ICCID (numbers that pass Luhn and are no
        cards), the SIM's number (MSISDN), the Wi-Fi MAC, the last IPv6 address, the OS build and the owner's e-mail."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {
            k: [] for k in ("device_id", "imei", "iccid", "msisdn", "wifi_mac", "last_ipv6", "os_build", "owner_email")
        }
        for _ in range(ROWS):
            cols["device_id"].append((contexts._rid(r).upper(), NONE))
            cols["imei"].append((v.unsung_imei(r), NONE))
            cols["iccid"].append((v.unsung_iccid(r), NONE))
            if r.random() < 0.7:
                cols["msisdn"].append((v.unsung_phone(r, regions, True), _one("phone")))
            else:
                cols["msisdn"].append(("", NONE))
            mac = ":".join(v.rand(r, "0123456789ABCDEF", 2) for _ in range(6))
            cols["wifi_mac"].append((mac, NONE))
            cols["last_ipv6"].append((v.ipv6(r), _one("ipv6")))
            build = v.pick(
                r,
                f"UP1A.{r.randrange(230000, 240000)}.{r.randrange(1, 99):03d}",
                f"AP3A.{r.randrange(240000, 250000)}.{r.randrange(1, 99):03d}",
                f"{r.randrange(17, 19)}.{r.randrange(0, 7)}.{r.randrange(0, 3)} "
                f"(22{v.pick(r, 'A', 'B', 'C')}{r.randrange(100, 999)})",
            )
            cols["os_build"].append((build, NONE))
            if r.random() < 0.6:
                cols["owner_email"].append((v.unsung_email(r), _one("email")))
            else:
                cols["owner_email"].append(("", NONE))
        table = CorpusTable("device_registry")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def outbound_hooks(self) -> CorpusTable:
        """An integration platform's outbound webhook deliveries: the target URL (with credentials in it, a Slack
        webhook, or plain), the request's headers (a signature, a bearer token, Basic credentials), the JSON payload
        (now and then with a customer's e-mail or phone number), the response code and the attempt."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {
            k: [] for k in ("delivery_id", "target_url", "request_headers", "payload", "status", "attempt")
        }
        for _ in range(ROWS):
            roll = r.random()
            if roll < 0.15:
                url = f"https://hooks:{urllib.parse.quote(v.unsung_password(r), safe='')}@erp.acme.no/api/payout-events"
                url_labels = _one("url_credentials")
            elif roll < 0.25:
                url = (
                    "https://hooks.slack.com/services/T"
                    + v.rand(r, string.ascii_uppercase + string.digits, 10)
                    + "/B"
                    + v.rand(r, string.ascii_uppercase + string.digits, 10)
                    + "/"
                    + v.rand(r, v.ALNUM, 24)
                )
                url_labels = _one("slack_webhook")
            else:
                url = v.pick(
                    r, "https://erp.acme.no/api/payout-events", "https://hooks.zapier.com/hooks/catch/123/abc/"
                )
                url_labels = NONE
            when = contexts._epoch(r)
            signature = f"X-Acme-Signature: t={when},v1={v.rand(r, v.HEX, 64)}"
            roll = r.random()
            if roll < 0.15:
                auth = f"Authorization: Bearer {v.pick(r, v.unsung_airtable_pat(r), v.unsung_hubspot_pat(r))}"
                head_labels = _one("bearer_token")
            elif roll < 0.25:
                auth = "Authorization: Basic " + v.b64(f"erp-hooks:{v.unsung_password(r)}".encode())
                head_labels = _one("basic_auth")
            else:
                auth = f"X-Request-Id: {contexts._rid(r)}"
                head_labels = NONE
            headers = f"Content-Type: application/json\n{signature}\n{auth}"
            roll = r.random()
            event: dict[str, object] = {
                "type": v.pick(r, "payout.paid", "payout.failed", "account.updated"),
                "created": when,
            }
            if roll < 0.2:
                event["data"] = {"seller_email": v.unsung_email(r), "amount": r.randrange(100, 90000)}
                payload_labels = _one("email")
            elif roll < 0.3:
                event["data"] = {"notify_phone": v.unsung_phone(r, regions, True), "amount": r.randrange(100, 90000)}
                payload_labels = _one("phone")
            else:
                event["data"] = {"payout_id": "po_" + v.rand(r, v.ALNUM, 24), "amount": r.randrange(100, 90000)}
                payload_labels = NONE
            cols["delivery_id"].append(("whd_" + v.rand(r, v.ALNUM, 20), NONE))
            cols["target_url"].append((url, url_labels))
            cols["request_headers"].append((headers, head_labels))
            cols["payload"].append((json.dumps(event, ensure_ascii=False), payload_labels))
            cols["status"].append((v.pick(r, "200", "200", "204", "401", "500", "timeout"), NONE))
            cols["attempt"].append((str(r.randrange(1, 6)), NONE))
        table = CorpusTable("outbound_hooks")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    # ------------------------------------------------------------------------ unlisted shapes and tables

    def _unlisted_dump(self, head: dict[str, str]) -> str:
        """The gateway's request as one of six clients logs it: PHP Guzzle's ``MessageFormatter`` through Monolog, an
        Elixir ``Req.Request`` inspected, a Rust ``tower_http`` trace span with its headers, aiohttp's
        ``TraceRequestStartParams``, Bun's verbose fetch, or Spring WebClient's reactor-netty wiretap in textual form
        (which names the local and remote addresses: ``self._dump_labels`` says so)."""
        r = self.r
        self._dump_labels = NONE
        lower = {k.lower(): val for k, val in head.items()}
        host, path = _unlisted_endpoint(lower)
        length = r.randrange(120, 4000)
        shape = r.randrange(6)
        if shape == 0:
            when = f"2026-01-{r.randrange(10, 28)}T{contexts._ul_clock(r)}.{r.randrange(0, 10**6):06d}+00:00"
            fields = [f"Content-Length: {length}", "User-Agent: GuzzleHttp/7", f"Host: {host}"]
            fields += ["-".join(p.capitalize() for p in k.split("-")) + f": {val}" for k, val in lower.items()]
            request = f"POST {path} HTTP/1.1\r\n" + "\r\n".join(fields) + "\r\n"
            status = v.pick(r, "200 OK", "200 OK", "429 Too Many Requests", "401 Unauthorized")
            return f"[{when}] llm.DEBUG: >>>>>>>>\n{request}\n<<<<<<<<\nHTTP/1.1 {status}\n--------\nNULL [] []"
        if shape == 1:
            entries = ",\n".join(f'    "{k}" => ["{val}"]' for k, val in lower.items())
            return (
                "%Req.Request{\n  method: :post,\n"
                f'  url: URI.parse("https://{host}{path}"),\n'
                f"  headers: %{{\n{entries}\n  }},\n"
                "  body: nil,\n  options: %{receive_timeout: 60000, retry: :transient},\n  halted: false,\n"
                "  adapter: &Req.Steps.run_finch/1,\n  request_steps: [put_user_agent: &Req.Steps.put_user_agent/1],\n"
                "  ...\n}"
            )
        if shape == 2:
            when = f"2026-01-{r.randrange(10, 28)}T{contexts._ul_clock(r)}.{r.randrange(0, 10**6):06d}Z"
            fields = {"host": "llm-gateway.acme.internal", **lower, "user-agent": "acme-evals/0.9.2"}
            headers = "{" + ", ".join(f'"{k}": "{val}"' for k, val in fields.items()) + "}"
            return (
                f"{when} DEBUG request{{method=POST uri={path} version=HTTP/1.1 headers={headers}}}: "
                "tower_http::trace::on_request: started processing request"
            )
        if shape == 3:
            names = {"authorization": "Authorization", "content-type": "Content-Type", "x-request-id": "X-Request-Id"}
            items = ", ".join(f"'{names.get(k, k)}': '{val}'" for k, val in lower.items())
            return (
                "DEBUG:gateway.trace:on_request_start "
                f"TraceRequestStartParams(method='POST', url=URL('https://{host}{path}'), "
                f"headers=<CIMultiDict({items})>)"
            )
        if shape == 4:
            lines = [f"[fetch] > HTTP/1.1 POST https://{host}{path}"]
            lines += [f"[fetch] > {k}: {val}" for k, val in lower.items()]
            lines += [
                "[fetch] > Connection: keep-alive",
                f"[fetch] > User-Agent: Bun/1.{r.randrange(1, 3)}.{r.randrange(0, 40)}",
                "[fetch] > Accept: */*",
                f"[fetch] > Host: {host}",
                "[fetch] > Accept-Encoding: gzip, deflate, br",
            ]
            return "\n".join(lines)
        self._dump_labels = _one("ipv4")
        when = f"2026-01-{r.randrange(10, 28)}T{contexts._ul_clock(r)}.{r.randrange(0, 1000):03d}Z"
        channel = f"{v.rand(r, v.HEX, 8)}-{r.randrange(1, 9)}"
        peer = f"L:/{v.ipv4(r)}:{r.randrange(32768, 61000)} - R:{host}/{v.ipv4(r)}:443"
        fields = ["user-agent: ReactorNetty/1.1.22", f"host: {host}", "accept: */*"]
        fields += [f"{k}: {val}" for k, val in lower.items()]
        fields.append(f"content-length: {length}")
        return (
            f"{when} DEBUG 1 --- [ctor-http-nio-{r.randrange(1, 9)}] reactor.netty.http.client.HttpClient     : "
            f"[{channel}, {peer}] WRITE: {r.randrange(200, 900)}B POST {path} HTTP/1.1\n" + "\n".join(fields) + "\n"
        )

    def _unlisted_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object], str, str]:
        """A request body and its reply with what each holds: Upstage Solar's chat completions, SiliconFlow's (with
        ``enable_thinking`` and a ``reasoning_content`` back), Moonshot's, Predibase's LoRAX ``/generate`` with a
        prompt in Solar markup (``generated_text`` back), Writer Palmyra's, Sarvam's, or LM Studio's REST API (with
        ``stats`` and ``model_info`` back)."""
        r = self.r
        system = chat.SYSTEM_PROMPTS[lang]
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        usage = {"prompt_tokens": tokens_in, "completion_tokens": tokens_out, "total_tokens": tokens_in + tokens_out}
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        shape = r.randrange(7)

        def completion(model: str, message: dict[str, object], **extra: object) -> dict[str, object]:
            return {
                "id": v.pick(r, "chatcmpl-", "") + v.rand(r, v.ALNUM, 24),
                "object": "chat.completion",
                "created": contexts._epoch(r),
                "model": model,
                "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                "usage": usage,
                **extra,
            }

        if shape == 0:
            body: dict[str, object] = {
                "model": "solar-pro2",
                "messages": messages,
                "reasoning_effort": "low",
                "stream": False,
            }
            reply = completion("solar-pro2-250710", {"role": "assistant", "content": answer}, system_fingerprint=None)
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 1:
            body = {
                "model": v.pick(r, "Qwen/Qwen3-32B", "deepseek-ai/DeepSeek-V3"),
                "messages": messages,
                "enable_thinking": False,
                "min_p": 0.05,
                "max_tokens": 512,
            }
            message: dict[str, object] = {"role": "assistant", "content": answer, "reasoning_content": ""}
            return body, completion(str(body["model"]), message), "chat_role_json", "chat_role_json"
        if shape == 2:
            body = {
                "model": v.pick(r, "moonshot-v1-8k", "kimi-k2-0905-preview"),
                "messages": messages,
                "temperature": 0.3,
            }
            reply = completion(str(body["model"]), {"role": "assistant", "content": answer})
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 3:
            body = {
                "inputs": _unlisted_markup(7, system, user, ""),
                "parameters": {
                    "adapter_id": f"support-lora/{r.randrange(1, 9)}",
                    "adapter_source": "pbase",
                    "max_new_tokens": 256,
                    "temperature": 0.2,
                },
            }
            reply = {
                "generated_text": answer,
                "details": {"finish_reason": "eos_token", "generated_tokens": tokens_out},
            }
            return body, reply, "chat_template", ""
        if shape == 4:
            body = {"model": "palmyra-x5", "messages": messages, "max_tokens": 1024}
            message = {
                "role": "assistant",
                "content": answer,
                "tool_calls": None,
                "graph_data": {"sources": None, "status": None, "subqueries": None},
                "llm_data": None,
                "refusal": None,
            }
            return body, completion("palmyra-x5", message), "chat_role_json", "chat_role_json"
        if shape == 5:
            body = {"model": "sarvam-m", "messages": messages, "wiki_grounding": False, "temperature": 0.5}
            reply = completion("sarvam-m", {"role": "assistant", "content": answer})
            return body, reply, "chat_role_json", "chat_role_json"
        body = {"model": "qwen2.5-7b-instruct", "messages": messages, "ttl": 300, "stream": False}
        reply = completion(
            "qwen2.5-7b-instruct",
            {"role": "assistant", "content": answer},
            stats={
                "tokens_per_second": round(r.uniform(20, 90), 2),
                "time_to_first_token": round(r.uniform(0.05, 0.6), 3),
                "generation_time": round(r.uniform(0.5, 9), 3),
                "stop_reason": "eosFound",
            },
            model_info={"arch": "qwen2", "quant": "Q4_K_M", "format": "gguf", "context_length": 32768},
            runtime={"name": "llama.cpp-linux-x86_64-avx2", "version": "1.28.0"},
        )
        return body, reply, "chat_role_json", "chat_role_json"

    def _unlisted_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then two turns per language in which
        the user pastes a password (a credential phrase), a key (its vendor's finding), a card number, an IBAN or a
        phone number, with an answer that does not repeat it; in a turn of that language when the conversation has
        one."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unlisted_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        kinds = ("password", "key", "card", "iban", "phone")
        regions = PHONE_REGIONS[self.split]
        for k, lang in enumerate(chat.UNLISTED_LANGUAGES):
            for kind in (kinds[(2 * k + 1) % 5], kinds[(2 * k + 4) % 5]):
                free = [i for i in range(5, ROWS // 2) if i not in used]
                turn = next((i for i in free if exchanges[i][0] == lang), free[0])
                used.add(turn)
                prompt, answer = chat.UNLISTED_SECRET_TURNS[lang][kind]
                if kind == "password":
                    text, label = prompt.format(password=v.unlisted_password(r)), "credential_phrase"
                elif kind == "key":
                    gen, label = r.choice(UNLISTED_PASTED_KEYS)
                    text = prompt.format(key=gen(r))
                elif kind == "card":
                    text, label = prompt.format(card=v.unlisted_card(r)), "payment_card"
                elif kind == "iban":
                    text, label = prompt.format(iban=v.unlisted_iban(r)), "iban"
                else:
                    text, label = prompt.format(phone=v.unlisted_phone(r, regions, True)), "phone"
                contents[2 * turn] = (text, _one(label))
                contents[2 * turn + 1] = (answer, NONE)

    def _unlisted_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as chat front ends export or keep it: a Chatbot UI export, a LobeChat export, Jan's thread
        messages (JSON lines), a SillyTavern chat file (JSON lines, ``is_user``) or a Continue.dev session."""
        r = self.r
        system = chat.SYSTEM_PROMPTS[lang]
        if shape == 0:
            doc: object = {
                "version": 4,
                "history": [
                    {
                        "id": contexts._rid(r),
                        "name": "New Conversation",
                        "messages": [{"role": "user", "content": ex[0]}, {"role": "assistant", "content": ex[1]}],
                        "model": {"id": "gpt-4o", "name": "GPT-4o", "maxLength": 24000, "tokenLimit": 8000},
                        "prompt": system,
                        "temperature": 1,
                        "folderId": None,
                    }
                ],
                "folders": [],
                "prompts": [],
            }
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 1:
            session = "ssn_" + v.rand(r, v.ALNUM, 12)
            first = "msg_" + v.rand(r, v.ALNUM, 12)
            at = int(v.luhn_free_number(r, 1767225600000, 1769904000000))
            doc = {
                "exportType": "sessions",
                "state": {
                    "messages": [
                        {"id": first, "role": "user", "content": ex[0], "sessionId": session, "createdAt": at},
                        {
                            "id": "msg_" + v.rand(r, v.ALNUM, 12),
                            "role": "assistant",
                            "content": ex[1],
                            "parentId": first,
                            "sessionId": session,
                            "model": "gpt-4o-mini",
                            "provider": "openai",
                            "createdAt": at + r.randrange(900, 9000),
                        },
                    ],
                    "sessions": [
                        {"id": session, "config": {"systemRole": system, "model": "gpt-4o-mini"}, "type": "agent"}
                    ],
                },
                "version": 7,
            }
            return json.dumps(doc, ensure_ascii=False)
        if shape == 2:
            thread = f"jan_{contexts._epoch(r)}"
            lines = []
            for role, text in (("user", ex[0]), ("assistant", ex[1])):
                when = contexts._epoch(r)
                line = {
                    "id": v.rand(r, "0123456789ABCDEFGHJKMNPQRSTVWXYZ", 26),
                    "object": "thread.message",
                    "thread_id": thread,
                    "assistant_id": "jan",
                    "role": role,
                    "content": [{"type": "text", "text": {"value": text, "annotations": []}}],
                    "status": "ready",
                    "created": when,
                    "updated": when,
                    "metadata": {},
                }
                lines.append(json.dumps(line, ensure_ascii=False))
            return "\n".join(lines)
        if shape == 3:
            day = r.randrange(10, 28)
            header = {
                "user_name": "User",
                "character_name": "Acme Assistant",
                "create_date": f"2026-01-{day}@{r.randrange(0, 24):02d}h{r.randrange(0, 60):02d}m"
                f"{r.randrange(0, 60):02d}s",
                "chat_metadata": {"note_prompt": "", "note_interval": 1},
            }
            sent = f"January {day}, 2026 {r.randrange(1, 12)}:{r.randrange(0, 60):02d}{v.pick(r, 'am', 'pm')}"
            turns = [
                {"name": "User", "is_user": True, "is_system": False, "send_date": sent, "mes": ex[0], "extra": {}},
                {
                    "name": "Acme Assistant",
                    "is_user": False,
                    "is_system": False,
                    "send_date": sent,
                    "mes": ex[1],
                    "extra": {"api": "openai", "model": "gpt-4o"},
                },
            ]
            return "\n".join(json.dumps(x, ensure_ascii=False) for x in (header, *turns))
        doc = {
            "sessionId": contexts._rid(r),
            "title": ex[0][:40],
            "workspaceDirectory": "file:///home/dev/acme-evals",
            "history": [
                {"message": {"role": "user", "content": ex[0]}, "contextItems": []},
                {"message": {"role": "assistant", "content": ex[1]}, "contextItems": [], "promptLogs": []},
            ],
        }
        return json.dumps(doc, ensure_ascii=r.random() < 0.5)

    def eval_cases(self) -> CorpusTable:
        """An LLM eval platform's test cases: the input prompt (chat text, now and then with a tester's e-mail or
        phone number pasted in), the expected answer, the judge's rubric, a placeholder fixture (Lorem ipsum and its
        kin in other languages), the run's config (an env reference, a masked key, or the key itself under
        ``api_key``), the score and the trace id."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        langs = self._languages()
        exchanges = [(lang, ex) for lang in langs for ex in chat.EXCHANGES[lang]]
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {
            k: []
            for k in (
                "case_id",
                "suite",
                "input",
                "expected",
                "rubric",
                "fixture_text",
                "run_config",
                "score",
                "trace_id",
            )
        }
        for _ in range(ROWS):
            lang, (user, answer) = r.choice(exchanges)
            roll = r.random()
            if roll < 0.1:
                cols["input"].append((f"{user} ({v.unlisted_email(r)})", _one("email")))
            elif roll < 0.18:
                cols["input"].append((f"{user} — {v.unlisted_phone(r, regions, True)}", _one("phone")))
            else:
                cols["input"].append((user, NONE))
            cols["case_id"].append(("case_" + v.rand(r, v.ALNUM, 16), NONE))
            cols["suite"].append((v.pick(r, "support-multilingual", "rag-grounding", "refusals", f"lang-{lang}"), NONE))
            cols["expected"].append((answer, NONE))
            cols["rubric"].append(
                (
                    v.pick(
                        r,
                        f"Answer must be in the user's language ({lang}) and under 60 words.",
                        "Must not repeat any password, key or card number the user pasted.",
                        "Score 1 if the answer is polite and factually plausible, else 0.",
                        "Penalise answers that ask the user for their password.",
                    ),
                    NONE,
                )
            )
            cols["fixture_text"].append((r.choice(_UNLISTED_LOREM), NONE))
            provider, gen = r.choice(_UNLISTED_EVAL_PROVIDERS)
            roll = r.random()
            config: dict[str, object] = {"provider": provider, "temperature": 0.0, "max_tokens": 512}
            if roll < 0.2:
                config["api_key"] = gen(r)
                labels = _one("generic_secret")
            elif roll < 0.5:
                config["api_key"] = "${" + provider.upper() + "_API_KEY}"
                labels = NONE
            elif roll < 0.75:
                config["api_key"] = gen(r)[:6] + "…" + v.rand(r, v.ALNUM, 4)
                labels = NONE
            else:
                config["api_key_ref"] = f"op://Evals/{provider}/credential"
                labels = NONE
            cols["run_config"].append((json.dumps(config), labels))
            cols["score"].append((f"{r.random():.2f}", NONE))
            cols["trace_id"].append((v.rand(r, v.HEX, 32), NONE))
        table = CorpusTable("eval_cases")
        for name, cells in cols.items():
            table.add(name, cells, frozenset({"chat_text"}) if name in ("input", "expected") else frozenset())
        return table

    def support_escalations(self) -> CorpusTable:
        """A customer-support bot's escalations to a human: the customer's e-mail and phone (full, masked, or a number
        that is none), the bot's transcript (``Customer:``/``Bot:`` turns, once in a while with a card or a password
        the customer typed), the reason, the agent's note and the IBAN for a refund (valid, masked, or rejected)."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        langs = self._languages()
        exchanges = [ex for lang in langs for ex in chat.EXCHANGES[lang]]
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {
            k: []
            for k in (
                "escalation_id",
                "channel",
                "customer_email",
                "customer_phone",
                "transcript",
                "reason",
                "agent_note",
                "refund_iban",
            )
        }
        for _ in range(ROWS):
            user, answer = r.choice(exchanges)
            cols["escalation_id"].append(("esc_" + v.rand(r, v.ALNUM, 14), NONE))
            cols["channel"].append((v.pick(r, "web", "whatsapp", "telegram", "email"), NONE))
            if r.random() < 0.7:
                cols["customer_email"].append((v.unlisted_email(r), _one("email")))
            else:
                cols["customer_email"].append(("", NONE))
            roll = r.random()
            if roll < 0.5:
                cols["customer_phone"].append((v.unlisted_phone(r, regions), _one("phone")))
            elif roll < 0.75:
                cols["customer_phone"].append(
                    (f"+{v.pick(r, '229', '228', '231', '960')} ** ** {v.rand(r, string.digits, 2)}", NONE)
                )
            else:
                cols["customer_phone"].append((v.unlisted_invalid_phone(r, regions), NONE))
            who, bot = r.choice((("Customer", "Bot"), ("User", "Assistant"), ("Visitor", "Support bot")))
            roll = r.random()
            labels = _one("chat_transcript")
            if roll < 0.1:
                user = f"{user} my card is {v.unlisted_card(r)}"
                labels = labels | _one("payment_card")
            elif roll < 0.18:
                user = f"{user} my password is {v.unlisted_password(r)}"
                labels = labels | _one("credential_phrase")
            cols["transcript"].append((f"{who}: {user}\n{bot}: {answer}", labels))
            cols["reason"].append(
                (v.pick(r, "refund_request", "account_locked", "bot_loop", "angry_customer", "payment_failed"), NONE)
            )
            roll = r.random()
            if roll < 0.1:
                note = f"customer gave the temporary password {v.unlisted_password(r)} over the phone, reset it"
                note_labels = _one("credential_phrase")
            elif roll < 0.2:
                note = f"call back on {v.unlisted_phone(r, regions, True)} after 5pm"
                note_labels = _one("phone")
            else:
                note = v.pick(
                    r,
                    "Refund approved, 3-5 business days.",
                    "Customer asked about their password reset; sent the self-service link.",
                    "Card was declined twice, asked them to contact their bank.",
                    "Bot kept answering in English; customer wrote in Luxembourgish.",
                    "",
                )
                note_labels = NONE
            cols["agent_note"].append((note, note_labels))
            roll = r.random()
            if roll < 0.45:
                cols["refund_iban"].append((v.unlisted_iban(r), _one("iban")))
            elif roll < 0.7:
                country = r.choice(sorted(v.UNLISTED_IBAN_COUNTRIES))
                cols["refund_iban"].append((f"{country}** **** **** **** {v.rand(r, string.digits, 4)}", NONE))
            elif roll < 0.85:
                cols["refund_iban"].append((v.unlisted_iban(r, valid=False), NONE))
            else:
                cols["refund_iban"].append(("", NONE))
        table = CorpusTable("support_escalations")
        for name, cells in cols.items():
            table.add(name, cells, frozenset({"chat_text"}) if name == "transcript" else frozenset())
        return table

    def flag_audit(self) -> CorpusTable:
        """A feature-flag service's audit log: the flag, the actor's e-mail, the action, the change as JSON (a rollout,
        a public client-side id, a masked SDK key, or now and then a server SDK key or a Slack webhook set in clear),
        the actor's address and a reason."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {
            k: [] for k in ("event_id", "flag_key", "actor", "action", "change", "source_ip", "reason")
        }
        for _ in range(ROWS):
            cols["event_id"].append((contexts._rid(r), NONE))
            cols["flag_key"].append((v.pick(r, "judge-v2", "rag-rerank", "kimi-fallback", "solar-router"), NONE))
            if r.random() < 0.8:
                cols["actor"].append((v.unlisted_email(r), _one("email")))
            else:
                cols["actor"].append((v.pick(r, "svc:terraform", "svc:flag-sync"), NONE))
            cols["action"].append((v.pick(r, "updateRollout", "updateTargets", "rotateKey", "updateIntegration"), NONE))
            roll = r.random()
            change: dict[str, object]
            if roll < 0.12:
                change = {"field": "sdk_key", "from": "sdk-****" + v.rand(r, v.HEX, 4), "to": f"sdk-{contexts._rid(r)}"}
                labels = _one("generic_secret")
            elif roll < 0.2:
                hook = (
                    "https://hooks.slack.com/services/T"
                    + v.rand(r, string.ascii_uppercase + string.digits, 10)
                    + "/B"
                    + v.rand(r, string.ascii_uppercase + string.digits, 10)
                    + "/"
                    + v.rand(r, v.ALNUM, 24)
                )
                change = {"field": "integrations.slack.url", "to": hook}
                labels = _one("slack_webhook")
            elif roll < 0.4:
                change = {
                    "field": "sdk_key",
                    "from": "sdk-****" + v.rand(r, v.HEX, 4),
                    "to": "sdk-****" + v.rand(r, v.HEX, 4),
                }
                labels = NONE
            elif roll < 0.55:
                change = {"field": "client_side_id", "to": v.rand(r, v.HEX, 24)}
                labels = NONE
            else:
                change = {"field": "rollout.percentage", "from": r.randrange(0, 50), "to": r.randrange(50, 101)}
                labels = NONE
            cols["change"].append((json.dumps(change), labels))
            ip = v.ipv4(r) if r.random() < 0.7 else v.ipv6(r)
            cols["source_ip"].append((ip, _one("ipv6" if ":" in ip else "ipv4")))
            if r.random() < 0.1:
                cols["reason"].append((f"requested on a call from {v.unlisted_phone(r, regions, True)}", _one("phone")))
            else:
                cols["reason"].append(
                    (v.pick(r, "ramp after eval pass", "rollback: judge drift", "key rotation (quarterly)", ""), NONE)
                )
        table = CorpusTable("flag_audit")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    # ------------------------------------------------------------------------ unheeded shapes and tables

    def _unheeded_dump(self, head: dict[str, str]) -> str:
        """The gateway's request as one of seven clients logs it: Ktor's ``Logging`` plugin, Dart dio's
        ``LogInterceptor``, Perl's ``HTTP::Request->dump``, Elixir Tesla's debug logger, R httr's ``verbose()``,
        Alamofire's cURL ``debugDescription``, or an httpx event hook printing ``request.headers`` (whose repr shows
        ``[secure]`` for ``authorization``: ``self._dump_masked`` says so)."""
        r = self.r
        self._dump_masked = False
        lower = {k.lower(): val for k, val in head.items()}
        host, path = _unheeded_endpoint(lower)
        length = r.randrange(120, 4000)
        title = {k: "-".join(p.capitalize() for p in k.split("-")) for k in lower}
        shape = r.randrange(7)
        if shape == 0:
            common = [f"-> {title[k]}: {val}" for k, val in lower.items() if k != "content-type"]
            return (
                f"REQUEST: https://{host}{path}\nMETHOD: HttpMethod(value=POST)\nCOMMON HEADERS\n"
                "-> Accept: application/json\n-> Accept-Charset: UTF-8\n" + "\n".join(common) + "\n"
                f"CONTENT HEADERS\n-> Content-Length: {length}\n-> Content-Type: application/json\n"
                "BODY Content-Type: application/json\nBODY START\n[request body omitted]\nBODY END"
            )
        if shape == 1:
            lines = ["*** Request ***", f"uri: https://{host}{path}", "method: POST", "responseType: ResponseType.json"]
            lines += ["followRedirects: true", "connectTimeout: 0:00:30.000000", "headers:"]
            lines += [f" {k}: {val}" for k, val in lower.items()]
            return "\n".join(lines)
        if shape == 2:
            fields = [f"{title[k]}: {val}" for k, val in lower.items()]
            fields += [f"User-Agent: libwww-perl/6.{r.randrange(60, 80)}", f"Content-Length: {length}"]
            return (
                f"POST https://{host}{path}\n"
                + "\n".join(fields)
                + f'\n\n{{"model":"(+ {length - 9} more bytes not shown)'
            )
        if shape == 3:
            millis = f"{r.uniform(80, 4000):.3f}"
            lines = [f"[debug] POST https://{host}{path} -> {v.pick(r, '200', '200', '429', '401')} ({millis} ms)"]
            lines += ["[debug] >>> REQUEST >>>", "[debug] (no query)"]
            lines += [f"[debug] {k}: {val}" for k, val in lower.items()]
            lines += ["[debug] ", "[debug] (body omitted)"]
            return "\n".join(lines)
        if shape == 4:
            lines = [f"-> POST {path} HTTP/2", f"-> Host: {host}"]
            lines += ["-> user-agent: libcurl/8.5.0 r-curl/5.2.1 httr/1.4.7", "-> accept-encoding: deflate, gzip"]
            lines += [f"-> {k}: {val}" for k, val in lower.items()]
            lines += [f"-> content-length: {length}", "-> "]
            return "\n".join(lines)
        if shape == 5:
            lines = ["$ curl -v \\", "\t-X POST \\", '\t-H "Accept-Encoding: br;q=1.0, gzip;q=0.9, deflate;q=0.8" \\']
            lines += [f'\t-H "{title[k]}: {val}" \\' for k, val in lower.items()]
            agent = f"AcmeVoice/3.{r.randrange(0, 9)} (ai.acme.voice; build:{r.randrange(100, 999)}; iOS 18.2.0)"
            lines += [f'\t-H "User-Agent: {agent} Alamofire/5.10.2" \\', f'\t"https://{host}{path}"']
            return "\n".join(lines)
        self._dump_masked = "authorization" in lower
        fields = {"host": host, "accept": "*/*", "accept-encoding": "gzip, deflate", "connection": "keep-alive"}
        fields["user-agent"] = "python-httpx/0.28.1"
        fields |= {k: ("[secure]" if k == "authorization" else val) for k, val in lower.items()}
        items = ", ".join(f"'{k}': '{val}'" for k, val in fields.items())
        return f"Request event hook: POST https://{host}{path} - Waiting for response\nHeaders({{{items}}})"

    def _unheeded_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object] | str, str, str]:
        """A request body and its reply with what each holds: an iFlytek Spark WebSocket frame, Aleph Alpha's
        ``/complete`` with a prompt in Vicuna markup, Amazon Nova's ``messages-v1`` through Bedrock's InvokeModel, a
        Databricks serving endpoint, Snowflake Cortex's ``inference:complete`` (a stream of bare deltas back),
        Volcengine Ark (Doubao), Clarifai's ``outputs`` (bare text in and out) or DeepInfra's inference API with a
        prompt in Koala or Guanaco markup."""
        r = self.r
        system = chat.SYSTEM_PROMPTS[lang]
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        usage = {"prompt_tokens": tokens_in, "completion_tokens": tokens_out, "total_tokens": tokens_in + tokens_out}
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        shape = r.randrange(8)
        body: dict[str, object]
        if shape == 0:
            body = {
                "header": {"app_id": v.rand(r, v.HEX, 8), "uid": "u-" + v.rand(r, v.ALNUM, 10)},
                "parameter": {"chat": {"domain": v.pick(r, "4.0Ultra", "generalv3.5"), "temperature": 0.5}},
                "payload": {"message": {"text": messages}},
            }
            reply: dict[str, object] = {
                "header": {"code": 0, "message": "Success", "sid": "cht000" + v.rand(r, v.HEX, 20), "status": 2},
                "payload": {
                    "choices": {"status": 2, "seq": 0, "text": [{"content": answer, "role": "assistant", "index": 0}]},
                    "usage": {"text": {"question_tokens": tokens_in, "completion_tokens": tokens_out}},
                },
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 1:
            body = {
                "model": v.pick(r, "pharia-1-llm-7b-control", "luminous-base-control"),
                "prompt": _unheeded_markup(0, system, user, ""),
                "maximum_tokens": 256,
                "stop_sequences": ["USER:"],
            }
            reply = {
                "completions": [{"completion": answer, "finish_reason": "end_of_text"}],
                "model_version": "2024-10",
                "num_tokens_prompt_total": tokens_in,
                "num_tokens_generated": tokens_out,
            }
            return body, reply, "chat_template", ""
        if shape == 2:
            body = {
                "schemaVersion": "messages-v1",
                "system": [{"text": system}],
                "messages": [{"role": "user", "content": [{"text": user}]}],
                "inferenceConfig": {"maxTokens": 512, "temperature": 0.7, "topP": 0.9},
            }
            reply = {
                "output": {"message": {"content": [{"text": answer}], "role": "assistant"}},
                "stopReason": "end_turn",
                "usage": {"inputTokens": tokens_in, "outputTokens": tokens_out, "totalTokens": tokens_in + tokens_out},
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 3:
            model = v.pick(r, "databricks-meta-llama-3-3-70b-instruct", "databricks-claude-3-7-sonnet")
            body = {"messages": messages, "max_tokens": 256, "temperature": 0.2}
            reply = {
                "id": "chatcmpl_" + str(contexts._rid(r)),
                "object": "chat.completion",
                "created": contexts._epoch(r),
                "model": model,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}],
                "usage": usage,
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 4:
            body = {"model": v.pick(r, "mistral-large2", "llama3.1-70b"), "messages": messages, "max_tokens": 512}
            sid = contexts._rid(r)
            events = []
            for piece in _chunks(r, answer):
                event = {"id": sid, "model": body["model"], "choices": [{"delta": {"content": piece}}], "usage": {}}
                events.append("data: " + json.dumps(event, ensure_ascii=False))
            return body, "\n\n".join(events) + "\n\n", "chat_role_json", ""
        if shape == 5:
            body = {
                "model": f"ep-202601{r.randrange(10, 28)}{r.randrange(100000, 999999)}-"
                + v.rand(r, "abcdefghijkmnpqrstuvwxyz", 5),
                "messages": messages,
                "thinking": {"type": "disabled"},
            }
            reply = {
                "id": f"0217{contexts._epoch(r)}{v.rand(r, v.HEX, 24)}",
                "object": "chat.completion",
                "created": contexts._epoch(r),
                "model": "doubao-seed-1-6-250615",
                "choices": [{"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}],
                "usage": usage,
                "service_tier": "default",
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 6:
            body = {
                "inputs": [{"data": {"text": {"raw": user}}}],
                "model": {"model_version": {"output_info": {"params": {"system_prompt": system, "temperature": 0.7}}}},
            }
            reply = {
                "status": {"code": 10000, "description": "Ok", "req_id": v.rand(r, v.HEX, 32)},
                "outputs": [{"id": v.rand(r, v.HEX, 32), "data": {"text": {"raw": answer}}}],
            }
            return body, reply, "", ""
        body = {
            "input": _unheeded_markup(r.choice((1, 2)), system, user, ""),
            "max_new_tokens": 512,
            "temperature": 0.7,
            "stop": ["</s>", "### Human:", "USER:"],
        }
        reply = {
            "results": [{"generated_text": answer}],
            "num_tokens": tokens_out,
            "num_input_tokens": tokens_in,
            "inference_status": {"status": "succeeded", "runtime_ms": r.randrange(200, 9000), "cost": 0.0002},
        }
        return body, reply, "chat_template", ""

    def _unheeded_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then two turns per language in which
        the user pastes a password (a credential phrase), a key (its vendor's finding), a card number, an IBAN or a
        phone number, with an answer that does not repeat it; in a turn of that language when the conversation has
        one."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unheeded_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        kinds = ("password", "key", "card", "iban", "phone")
        regions = PHONE_REGIONS[self.split]
        for k, lang in enumerate(chat.UNHEEDED_LANGUAGES):
            for kind in (kinds[(2 * k + 2) % 5], kinds[(2 * k + 3) % 5]):
                free = [i for i in range(5, ROWS // 2) if i not in used]
                turn = next((i for i in free if exchanges[i][0] == lang), free[0])
                used.add(turn)
                prompt, answer = chat.UNHEEDED_SECRET_TURNS[lang][kind]
                if kind == "password":
                    text, label = prompt.format(password=v.unheeded_password(r)), "credential_phrase"
                elif kind == "key":
                    gen, label = r.choice(UNHEEDED_PASTED_KEYS)
                    text = prompt.format(key=gen(r))
                elif kind == "card":
                    text, label = prompt.format(card=v.unheeded_card(r)), "payment_card"
                elif kind == "iban":
                    text, label = prompt.format(iban=v.unheeded_iban(r)), "iban"
                else:
                    text, label = prompt.format(phone=v.unheeded_phone(r, regions, True)), "phone"
                contents[2 * turn] = (text, _one(label))
                contents[2 * turn + 1] = (answer, NONE)

    def _unheeded_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as assistants and help desks export it: a Claude.ai ``conversations.json`` entry, a
        HuggingChat conversation, an OpenAssistant message tree, an Intercom conversation answered by its bot, a
        Zendesk AI agent's log or a Chainlit (Literal AI) thread."""
        r = self.r
        system = chat.SYSTEM_PROMPTS[lang]
        when = f"2026-01-{r.randrange(10, 28)}T{contexts._uh_clock(r)}.{r.randrange(0, 10**6):06d}Z"
        if shape == 0:
            doc: object = [
                {
                    "uuid": contexts._rid(r),
                    "name": ex[0][:40],
                    "created_at": when,
                    "account": {"uuid": contexts._rid(r)},
                    "chat_messages": [
                        {
                            "uuid": contexts._rid(r),
                            "text": ex[0],
                            "content": [{"type": "text", "text": ex[0]}],
                            "sender": "human",
                            "created_at": when,
                        },
                        {
                            "uuid": contexts._rid(r),
                            "text": ex[1],
                            "content": [{"type": "text", "text": ex[1]}],
                            "sender": "assistant",
                            "created_at": when,
                        },
                    ],
                }
            ]
            return json.dumps(doc, ensure_ascii=False)
        if shape == 1:
            doc = {
                "title": ex[0][:30],
                "model": v.pick(r, "meta-llama/Llama-3.3-70B-Instruct", "Qwen/Qwen2.5-72B-Instruct"),
                "preprompt": system,
                "messages": [
                    {"id": contexts._rid(r), "from": "system", "content": system},
                    {"id": contexts._rid(r), "from": "user", "content": ex[0], "files": []},
                    {"id": contexts._rid(r), "from": "assistant", "content": ex[1], "interrupted": False},
                ],
            }
            return json.dumps(doc, ensure_ascii=False)
        if shape == 2:
            doc = {
                "message_tree_id": contexts._rid(r),
                "tree_state": "ready_for_export",
                "prompt": {
                    "message_id": contexts._rid(r),
                    "text": ex[0],
                    "role": "prompter",
                    "lang": lang,
                    "review_count": r.randrange(3, 6),
                    "replies": [
                        {
                            "message_id": contexts._rid(r),
                            "text": ex[1],
                            "role": "assistant",
                            "lang": lang,
                            "rank": 0,
                            "replies": [],
                        }
                    ],
                },
            }
            return json.dumps(doc, ensure_ascii=False)
        if shape == 3:
            doc = {
                "type": "conversation",
                "id": str(r.randrange(10**11, 10**12)),
                "source": {"type": "conversation", "body": f"<p>{ex[0]}</p>", "author": {"type": "user"}},
                "conversation_parts": {
                    "type": "conversation_part.list",
                    "conversation_parts": [
                        {
                            "type": "conversation_part",
                            "part_type": "comment",
                            "body": f"<p>{ex[1]}</p>",
                            "author": {"type": "bot", "name": "Fin"},
                        }
                    ],
                },
            }
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 4:
            doc = {
                "conversationId": v.rand(r, v.HEX, 24),
                "platform": "zendesk_messaging",
                "messages": [
                    {"sender": "visitor", "text": ex[0], "timestamp": when},
                    {"sender": "bot", "text": ex[1], "intent": "faq_general", "confidence": round(r.random(), 2)},
                ],
            }
            return json.dumps(doc, ensure_ascii=False)
        doc = {
            "id": contexts._rid(r),
            "name": ex[0][:30],
            "steps": [
                {"id": contexts._rid(r), "type": "system_message", "output": system},
                {"id": contexts._rid(r), "type": "user_message", "name": "user", "output": ex[0]},
                {"id": contexts._rid(r), "type": "assistant_message", "name": "Assistant", "output": ex[1]},
            ],
        }
        return json.dumps(doc, ensure_ascii=r.random() < 0.5)

    def _unheeded_when(self) -> str:
        """A call's or a key's time in one of the shapes this split's systems print (none a finding): ISO with a
        comma and an offset, ``yyyymmdd hhmmss``, a Windows FILETIME, syslog's, or epoch milliseconds."""
        r = self.r
        day, clock = r.randrange(10, 28), contexts._uh_clock(r)
        shape = r.randrange(5)
        if shape == 0:
            return f"2026-01-{day}T{clock},{r.randrange(0, 1000):03d}+0100"
        if shape == 1:
            return f"202601{day} {clock.replace(':', '')}"
        if shape == 2:
            return v.unheeded_filetime(r)
        if shape == 3:
            return f"Jan {day} {clock}"
        return v.luhn_free_number(r, 1767225600000, 1769904000000)

    def voice_calls(self) -> CorpusTable:
        """An AI voice agent's call log: the Twilio call SID, the caller's number (valid, withheld, or a number that is
        none), the agent's line, when (in unusual shapes), the transcript (``Caller:``/``Agent:`` turns, now and then
        with a card number, a phone number or a password the caller spoke), the recording's URL, the LLM's summary (now
        and then with an IBAN or a callback number) and the agent's config (an env reference, a masked key, or a
        speech vendor's key in clear)."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        langs = self._languages()
        exchanges = [ex for lang in langs for ex in chat.EXCHANGES[lang]]
        names = ("call_sid", "caller", "agent_line", "started_at", "transcript", "recording_url", "summary", "config")
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        for _ in range(ROWS):
            user, answer = r.choice(exchanges)
            cols["call_sid"].append(("CA" + v.rand(r, v.HEX, 32), NONE))
            roll = r.random()
            if roll < 0.55:
                cols["caller"].append((v.unheeded_phone(r, regions), _one("phone")))
            elif roll < 0.7:
                cols["caller"].append((v.pick(r, "anonymous", "restricted", "withheld", "unknown"), NONE))
            else:
                cols["caller"].append((v.unheeded_invalid_phone(r, regions), NONE))
            cols["agent_line"].append((v.unheeded_phone(r, regions, True), _one("phone")))
            cols["started_at"].append((self._unheeded_when(), NONE))
            who, bot = r.choice((("Caller", "Agent"), ("user", "assistant"), ("Customer", "AI")))
            roll = r.random()
            labels = _one("chat_transcript")
            if roll < 0.1:
                user = f"{user} the card number is {v.unheeded_card(r, sep=' ')}"
                labels = labels | _one("payment_card")
            elif roll < 0.18:
                user = f"{user} you can reach me on {v.unheeded_phone(r, regions, True)}"
                labels = labels | _one("phone")
            elif roll < 0.24:
                user = f"{user} my password is {v.unheeded_password(r)}"
                labels = labels | _one("credential_phrase")
            cols["transcript"].append((f"{who}: {user}\n{bot}: {answer}", labels))
            account, rec = v.rand(r, v.HEX, 32), v.rand(r, v.HEX, 32)
            url = f"https://api.twilio.com/2010-04-01/Accounts/AC{account}/Recordings/RE{rec}.wav"
            cols["recording_url"].append((url, NONE))
            roll = r.random()
            if roll < 0.1:
                cols["summary"].append((f"Caller asked to send the refund to IBAN {v.unheeded_iban(r)}.", _one("iban")))
            elif roll < 0.2:
                summary = f"Caller wants a callback on {v.unheeded_phone(r, regions, True)} after 5pm."
                cols["summary"].append((summary, _one("phone")))
            else:
                summary = v.pick(
                    r,
                    "Caller asked about opening hours; resolved.",
                    "Caller asked to reset their password; sent the self-service link by SMS.",
                    "Card declined twice; caller will call the bank.",
                    "Caller spoke Kinyarwanda; agent switched language.",
                )
                cols["summary"].append((summary, NONE))
            roll = r.random()
            config: dict[str, object] = {"asr": "deepgram", "tts": "cartesia", "llm": "gpt-4o-mini", "barge_in": True}
            if roll < 0.15:
                config["deepgram_api_key"] = v.unheeded_deepgram_key(r)
                labels = _one("generic_secret")
            elif roll < 0.25:
                config["cartesia_api_key"] = v.unheeded_cartesia_key(r)
                labels = _one("generic_secret")
            elif roll < 0.55:
                config["deepgram_api_key"] = "${DEEPGRAM_API_KEY}"
                labels = NONE
            elif roll < 0.75:
                config["cartesia_api_key"] = "sk_car_…" + v.rand(r, v.ALNUM, 4)
                labels = NONE
            else:
                config["cartesia_voice_id"] = contexts._rid(r)
                labels = NONE
            cols["config"].append((json.dumps(config), labels))
        table = CorpusTable("voice_calls")
        for name, cells in cols.items():
            table.add(name, cells, frozenset({"chat_text"}) if name == "transcript" else frozenset())
        return table

    def finetune_records(self) -> CorpusTable:
        """A fine-tuning dataset's records (JSON lines): chat records and DPO pairs (role JSON, now and then with an
        e-mail or a phone number the scrubber missed, or its ``[EMAIL]`` placeholders), prompt/completion pairs (no
        roles), the source, a content hash, the token count and the scrubber's note."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        langs = self._languages()
        exchanges = [(lang, ex) for lang in langs for ex in chat.EXCHANGES[lang]]
        names = ("record_id", "source", "format", "record", "tokens", "content_sha256", "scrub_note")
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        for _ in range(ROWS):
            lang, (user, answer) = r.choice(exchanges)
            cols["record_id"].append((f"ftrec_{v.rand(r, '0123456789ABCDEFGHJKMNPQRSTVWXYZ', 26)}", NONE))
            cols["source"].append((v.pick(r, "support-tickets-2025q4", "voice-calls-jan", f"synthetic-{lang}"), NONE))
            roll = r.random()
            extra = NONE
            note = v.pick(r, "clean", "scrubbed: 0 findings")
            if roll < 0.1:
                user = f"{user} ({v.unheeded_email(r)})"
                extra = _one("email")
                note = "scrubber missed 1 email"
            elif roll < 0.18:
                user = f"{user} — {v.unheeded_phone(r, regions, True)}"
                extra = _one("phone")
                note = "scrubber missed 1 phone"
            elif roll < 0.3:
                user = f"{user} ([EMAIL_1], [PHONE_1])"
                note = "scrubbed: 1 email, 1 phone"
            kind = v.pick(r, "chat", "chat", "dpo", "completion")
            cols["format"].append((kind, NONE))
            record: dict[str, object]
            if kind == "chat":
                record = {
                    "messages": [
                        {"role": "system", "content": chat.SYSTEM_PROMPTS[lang]},
                        {"role": "user", "content": user},
                        {"role": "assistant", "content": answer, "weight": 1},
                    ]
                }
                labels = _one("chat_role_json") | extra
            elif kind == "dpo":
                record = {
                    "input": {"messages": [{"role": "user", "content": user}]},
                    "preferred_output": [{"role": "assistant", "content": answer}],
                    "non_preferred_output": [{"role": "assistant", "content": v.pick(r, "I cannot help.", "?")}],
                }
                labels = _one("chat_role_json") | extra
            else:
                record = {"prompt": user, "completion": " " + answer}
                labels = extra
            cols["record"].append((json.dumps(record, ensure_ascii=r.random() < 0.5), labels))
            cols["tokens"].append((str(r.randrange(20, 2000)), NONE))
            cols["content_sha256"].append((v.rand(r, v.HEX, 64), NONE))
            cols["scrub_note"].append((note, NONE))
        table = CorpusTable("finetune_records")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def key_registry(self) -> CorpusTable:
        """An API platform's key registry: the key's id, name, displayed prefix, HMAC of the key, last four, scopes,
        creator's e-mail, creation time (in unusual shapes), the key as issued (kept by mistake in some rows: a secret
        by its column's name; empty or masked in the rest), the creator's address and why it was revoked (now and then
        quoting the key that leaked, or naming who posted it)."""
        r = self.r
        names = (
            "key_id",
            "name",
            "prefix",
            "key_hmac",
            "last4",
            "scopes",
            "created_by",
            "created_at",
            "issued_key",
            "created_from",
            "revoked_reason",
        )
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        for _ in range(ROWS):
            body = v.rand(r, v.BASE62, 32)
            cols["key_id"].append(("key_" + v.rand(r, "0123456789abcdefghjkmnpqrstvwxyz", 26), NONE))
            cols["name"].append((v.pick(r, "voice-agent prod", "ft-runner", "eval-ci", "partner: acme-bb"), NONE))
            cols["prefix"].append(("acme_live_" + body[:4], NONE))
            cols["key_hmac"].append(("hmac-sha256:" + v.rand(r, v.HEX, 64), NONE))
            cols["last4"].append((body[-4:], NONE))
            cols["scopes"].append((v.pick(r, "calls:read calls:write", "finetune:*", "models:read", "admin"), NONE))
            cols["created_by"].append((v.unheeded_email(r), _one("email")))
            cols["created_at"].append((self._unheeded_when(), NONE))
            roll = r.random()
            if roll < 0.15:
                cols["issued_key"].append((f"acme_live_{body}", _one("named_secret")))
            elif roll < 0.6:
                cols["issued_key"].append(("", NONE))
            else:
                cols["issued_key"].append((f"acme_live_{body[:4]}…{body[-4:]}", NONE))
            ip = v.ipv4(r) if r.random() < 0.7 else v.ipv6(r)
            cols["created_from"].append((ip, _one("ipv6" if ":" in ip else "ipv4")))
            roll = r.random()
            if roll < 0.1:
                reason = f"leaked in a support chat: {v.openai_project(r)} pasted next to ours"
                cols["revoked_reason"].append((reason, _one("openai_project_key")))
            elif roll < 0.2:
                reason = f"posted in #voice-dev by {v.unheeded_email(r)}"
                cols["revoked_reason"].append((reason, _one("email")))
            else:
                reason = v.pick(r, "", "rotation (90 days)", "owner left the team", "scope too broad", "unused 180d")
                cols["revoked_reason"].append((reason, NONE))
        table = CorpusTable("key_registry")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    # ------------------------------------------------------------------------ unasked shapes and tables

    def _unasked_dump(self, head: dict[str, str]) -> str:
        """The gateway's request as one of seven clients prints it: Haskell http-client's ``Show`` of a ``Request``
        (whose default ``redactHeaders`` shows ``<REDACTED>`` for ``Authorization``: ``self._dump_masked`` says so), Go
        resty's debug log, Deno's ``console.log`` of a ``Request``, Swift's ``print`` of ``allHTTPHeaderFields``, PHP's
        ``var_dump`` of Symfony HttpClient's options, Elixir's ``inspect`` of a ``%Finch.Request{}`` or Kotlin Fuel's
        ``Request.toString()``."""
        r = self.r
        self._dump_masked = False
        lower = {k.lower(): val for k, val in head.items()}
        host, path = _unasked_endpoint(lower)
        title = {k: "-".join(p.capitalize() for p in k.split("-")) for k in lower}
        length = r.randrange(120, 4000)
        shape = r.randrange(7)
        if shape == 0:
            self._dump_masked = "authorization" in lower
            pairs = ",".join(
                f'("{title[k]}","{"<REDACTED>" if k == "authorization" else val}")' for k, val in lower.items()
            )
            fields = [
                ("host", f'"{host}"'),
                ("port", "443"),
                ("secure", "True"),
                ("requestHeaders", f"[{pairs}]"),
                ("path", f'"{path}"'),
                ("queryString", '""'),
                ("method", '"POST"'),
                ("proxy", "Nothing"),
                ("rawBody", "False"),
                ("redirectCount", "10"),
                ("responseTimeout", "ResponseTimeoutDefault"),
                ("requestVersion", "HTTP/1.1"),
                ("proxySecureMode", "ProxySecureWithConnect"),
            ]
            return "Request {\n" + "\n".join(f"  {k:<21}= {val}" for k, val in fields) + "\n}\n"
        if shape == 1:
            lines = ["=" * 78, "~~~ REQUEST ~~~", f"POST  {path}  HTTP/1.1", f"HOST   : {host}", "HEADERS:"]
            fields = {title[k]: val for k, val in lower.items()}
            fields["User-Agent"] = "go-resty/2.16.2 (https://github.com/go-resty/resty)"
            lines += [f"\t{k}: {val}" for k, val in sorted(fields.items())]
            lines += ["BODY   :", f"***** REQUEST TOO LARGE (size - {length}) *****", "-" * 78]
            return "\n".join(lines)
        if shape == 2:
            entries = [(k if k.isidentifier() else f'"{k}"', val) for k, val in sorted(lower.items())]
            inner = ",\n".join(f'    {k}: "{val}"' for k, val in entries)
            return (
                "Request {\n  bodyUsed: false,\n  headers: Headers {\n" + inner + "\n  },\n"
                f'  method: "POST",\n  redirect: "follow",\n  url: "https://{host}{path}"\n}}'
            )
        if shape == 3:
            items = list(lower.items())
            r.shuffle(items)
            inner = ", ".join(f'"{title[k]}": "{val}"' for k, val in items)
            wrapped = f"Optional([{inner}])" if r.random() < 0.5 else f"[{inner}]"
            return f"POST https://{host}{path}\n{wrapped}"
        if shape == 4:
            rows = []
            for k, val in lower.items():
                rows += [f'    ["{title[k]}"]=>', f'    string({len(val.encode())}) "{val}"']
            base = f"https://{host}"
            return (
                f'array(3) {{\n  ["headers"]=>\n  array({len(lower)}) {{\n' + "\n".join(rows) + "\n  }\n"
                f'  ["timeout"]=>\n  float(30)\n  ["base_uri"]=>\n  string({len(base)}) "{base}"\n}}'
            )
        if shape == 5:
            tuples = ", ".join(f'{{"{k}", "{val}"}}' for k, val in lower.items())
            return (
                "%Finch.Request{\n  scheme: :https,\n"
                f'  host: "{host}",\n  port: 443,\n  method: "POST",\n  path: "{path}",\n'
                f"  headers: [{tuples}],\n"
                f"  body: {{:stream, #Function<{r.randrange(0, 9)}.{r.randrange(10**7, 10**8)}/2 in Cdr.LLM.stream/1>}}"
                ",\n"
                "  query: nil,\n  unix_socket: nil,\n  private: %{}\n}"
            )
        lines = [f"--> POST https://{host}{path}", f"Body : ({length} bytes of application/json)"]
        lines += [f"Headers : ({len(lower)})"] + [f"{title[k]} : {val}" for k, val in lower.items()]
        return "\n".join(lines)

    def _unasked_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object] | str, str, str]:
        """A request body and its reply with what each holds: Naver's HyperCLOVA X chat completions, SenseNova's
        ``chat-completions`` (the reply's message a bare string beside its role), Coze's v3 chat (its bot and
        conversation ids long numbers that fail Luhn), Poe's server-bot protocol (a stream of ``text`` events back),
        Vertex AI's ``chat-bison`` with ``author`` fields, Inflection's Pi API (``type`` Human and Instruction, bare
        text back), text-generation-webui's legacy ``/api/v1/chat`` (the history as pairs with no roles, the user's
        turn echoed: ``self._reply_echoes`` says so) or a Baseten Truss model fed a prompt in h2oGPT or Jais markup."""
        r = self.r
        self._reply_echoes = False
        system = chat.SYSTEM_PROMPTS[lang]
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        shape = r.randrange(8)
        body: dict[str, object]
        reply: dict[str, object]
        if shape == 0:
            body = {
                "messages": messages,
                "topP": 0.8,
                "topK": 0,
                "maxTokens": 256,
                "temperature": 0.5,
                "repeatPenalty": 1.1,
                "stopBefore": [],
                "includeAiFilters": True,
                "seed": 0,
            }
            reply = {
                "status": {"code": "20000", "message": "OK"},
                "result": {
                    "message": {"role": "assistant", "content": answer},
                    "inputLength": tokens_in,
                    "outputLength": tokens_out,
                    "stopReason": "stop_before",
                    "seed": r.randrange(10**6, 10**9),
                    "aiFilter": [{"groupName": "curse", "name": "insult", "score": "1"}],
                },
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 1:
            body = {"model": "SenseChat-5", "messages": messages, "max_new_tokens": 1024, "temperature": 0.8}
            reply = {
                "data": {
                    "id": v.rand(r, v.HEX, 32),
                    "choices": [{"message": answer, "finish_reason": "stop", "index": 0, "role": "assistant"}],
                    "usage": {"prompt_tokens": tokens_in, "completion_tokens": tokens_out, "knowledge_tokens": 0},
                }
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 2:
            bot, conv = v.luhn_free_number(r, 7 * 10**18, 8 * 10**18), v.luhn_free_number(r, 7 * 10**18, 8 * 10**18)
            body = {
                "bot_id": bot,
                "user_id": "cdr-" + v.rand(r, v.ALNUM, 10),
                "stream": False,
                "auto_save_history": True,
                "additional_messages": [{"role": "user", "content": user, "content_type": "text"}],
            }
            reply = {
                "code": 0,
                "msg": "",
                "data": [
                    {
                        "bot_id": bot,
                        "conversation_id": conv,
                        "role": "assistant",
                        "type": "answer",
                        "content": answer,
                        "content_type": "text",
                    },
                    {"role": "assistant", "type": "verbose", "content": '{"msg_type":"generate_answer_finish"}'},
                ],
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 3:
            stamp = int(v.luhn_free_number(r, 1_768_000_000_000_000, 1_769_900_000_000_000))
            while v.luhn_ok(str(stamp + 1)):  # microseconds: neither time may pass Luhn
                stamp = int(v.luhn_free_number(r, 1_768_000_000_000_000, 1_769_900_000_000_000))
            query = [
                {"role": "system", "content": system, "content_type": "text/markdown", "timestamp": stamp},
                {"role": "user", "content": user, "content_type": "text/markdown", "timestamp": stamp + 1},
            ]
            body = {
                "version": "1.2",
                "type": "query",
                "query": query,
                "user_id": "u-" + v.rand(r, v.HEX, 32),
                "conversation_id": "c-" + v.rand(r, v.HEX, 32),
                "message_id": "m-" + v.rand(r, v.HEX, 32),
                "temperature": 0.7,
                "skip_system_prompt": False,
            }
            events = ['event: meta\ndata: {"content_type": "text/markdown", "linkify": true}']
            events += [
                "event: text\ndata: " + json.dumps({"text": piece}, ensure_ascii=False) for piece in _chunks(r, answer)
            ]
            return body, "\n\n".join([*events, "event: done\ndata: {}"]) + "\n\n", "chat_role_json", ""
        if shape == 4:
            body = {
                "instances": [{"context": system, "examples": [], "messages": [{"author": "user", "content": user}]}],
                "parameters": {"temperature": 0.2, "maxOutputTokens": 256, "topP": 0.8, "topK": 40},
            }
            reply = {
                "predictions": [
                    {
                        "candidates": [{"author": "bot", "content": answer}],
                        "safetyAttributes": [{"categories": [], "blocked": False, "scores": []}],
                    }
                ],
                "metadata": {"tokenMetadata": {"outputTokenCount": {"totalTokens": tokens_out}}},
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 5:
            body = {
                "context": [{"type": "Instruction", "text": system}, {"type": "Human", "text": user}],
                "config": v.pick(r, "Pi-3.1", "Productivity-3.1"),
            }
            reply = {"created": round(contexts._epoch(r) + r.random(), 3), "text": answer, "tool_calls": []}
            return body, reply, "chat_role_json", ""
        if shape == 6:
            self._reply_echoes = True
            body = {
                "user_input": user,
                "max_new_tokens": 250,
                "history": {"internal": [], "visible": []},
                "mode": "instruct",
                "instruction_template": "Alpaca",
                "regenerate": False,
                "_continue": False,
                "preset": "min_p",
            }
            reply = {"results": [{"history": {"internal": [[user, answer]], "visible": [[user, answer]]}}]}
            return body, reply, "", ""
        body = {
            "prompt": _unasked_markup(r.choice((0, 3)), system, user, ""),
            "max_new_tokens": 512,
            "temperature": 0.7,
            "stream": False,
        }
        reply = {"output": answer, "model_version": "cdr-assist-" + v.rand(r, v.HEX, 7)}
        return body, reply, "chat_template", ""

    def _unasked_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then two turns per language in which
        the user pastes a password (a credential phrase), a key (its vendor's finding), a card number, an IBAN or a
        phone number, with an answer that does not repeat it; in a turn of that language when the conversation has
        one."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unasked_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        kinds = ("password", "key", "card", "iban", "phone")
        regions = PHONE_REGIONS[self.split]
        for k, lang in enumerate(chat.UNASKED_LANGUAGES):
            for kind in (kinds[(2 * k + 4) % 5], kinds[(2 * k) % 5]):
                free = [i for i in range(5, ROWS // 2) if i not in used]
                turn = next((i for i in free if exchanges[i][0] == lang), free[0])
                used.add(turn)
                prompt, answer = chat.UNASKED_SECRET_TURNS[lang][kind]
                if kind == "password":
                    text, label = prompt.format(password=v.unasked_password(r)), "credential_phrase"
                elif kind == "key":
                    gen, label = r.choice(UNASKED_PASTED_KEYS)
                    text = prompt.format(key=gen(r))
                elif kind == "card":
                    text, label = prompt.format(card=v.unasked_card(r)), "payment_card"
                elif kind == "iban":
                    text, label = prompt.format(iban=v.unasked_iban(r)), "iban"
                else:
                    text, label = prompt.format(phone=v.unasked_phone(r, regions)), "phone"
                contents[2 * turn] = (text, _one(label))
                contents[2 * turn + 1] = (answer, NONE)

    def _unasked_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as chat front-ends and help desks export it: an AnythingLLM embed's chat history, a
        TypingMind export, Botpress messages (``direction`` incoming and outgoing), a Google AI Studio prompt file
        (``chunkedPrompt`` with ``role`` user and model), a big-AGI conversation or Crisp's messages (``from`` user and
        operator)."""
        r = self.r
        system = chat.SYSTEM_PROMPTS[lang]
        when = f"2026-01-{r.randrange(10, 28)}T{contexts._ua_clock(r)}.{r.randrange(0, 1000):03d}Z"
        doc: object
        if shape == 0:
            doc = {
                "history": [
                    {"role": "user", "content": ex[0], "sentAt": contexts._epoch(r), "chatId": r.randrange(1, 9999)},
                    {"role": "assistant", "content": ex[1], "sources": [], "type": "chat", "attachments": []},
                ]
            }
            return json.dumps(doc, ensure_ascii=False)
        if shape == 1:
            doc = {
                "chats": [
                    {
                        "chatID": v.rand(r, v.ALNUM + "-_", 21),
                        "chatTitle": ex[0][:32],
                        "model": v.pick(r, "gpt-4o", "claude-3-5-sonnet-latest", "gemini-2.0-flash"),
                        "messages": [
                            {"role": "system", "content": system},
                            {"role": "user", "content": ex[0], "uuid": contexts._rid(r), "createdAt": when},
                            {"role": "assistant", "content": ex[1], "uuid": contexts._rid(r), "createdAt": when},
                        ],
                        "updatedAt": when,
                    }
                ],
                "version": r.randrange(2, 9),
            }
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 2:
            conversation = contexts._rid(r)
            doc = {
                "messages": [
                    {
                        "id": contexts._rid(r),
                        "conversationId": conversation,
                        "direction": "incoming",
                        "payload": {"type": "text", "text": ex[0]},
                        "createdAt": when,
                    },
                    {
                        "id": contexts._rid(r),
                        "conversationId": conversation,
                        "direction": "outgoing",
                        "payload": {"type": "text", "text": ex[1]},
                        "createdAt": when,
                    },
                ]
            }
            return json.dumps(doc, ensure_ascii=False)
        if shape == 3:
            doc = {
                "runSettings": {"temperature": 1, "model": "models/gemini-2.0-flash", "topP": 0.95, "topK": 64},
                "systemInstruction": {"text": system},
                "chunkedPrompt": {
                    "chunks": [
                        {"text": ex[0], "role": "user", "tokenCount": r.randrange(5, 80)},
                        {"text": ex[1], "role": "model", "finishReason": "STOP", "tokenCount": r.randrange(5, 300)},
                    ]
                },
            }
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 4:
            doc = {
                "conversations": [
                    {
                        "id": contexts._rid(r),
                        "systemPurposeId": "Generic",
                        "messages": [
                            {"id": v.rand(r, v.ALNUM, 10), "text": ex[0], "sender": "You", "role": "user"},
                            {"id": v.rand(r, v.ALNUM, 10), "text": ex[1], "sender": "Bot", "role": "assistant"},
                        ],
                        "created": int(v.luhn_free_number(r, 1_768_000_000_000, 1_769_900_000_000)),
                    }
                ]
            }
            return json.dumps(doc, ensure_ascii=False)
        doc = {
            "error": False,
            "reason": "resolved",
            "data": [
                {
                    "type": "text",
                    "from": "user",
                    "origin": "chat",
                    "content": ex[0],
                    "fingerprint": r.randrange(10**13),
                },
                {"type": "text", "from": "operator", "origin": "chat", "content": ex[1], "user": {"nickname": "CDR"}},
            ],
        }
        return json.dumps(doc, ensure_ascii=r.random() < 0.5)

    def _unasked_when(self) -> str:
        """A time in one of the shapes this split's systems print (none a finding): French ``12/01/2026 10h41``,
        PostgreSQL's ``+00``, epoch seconds with milliseconds, Oracle's ``12-JAN-26 10.41.07.512000000 AM`` or an ISO
        week date."""
        r = self.r
        day, clock = r.randrange(10, 28), contexts._ua_clock(r)
        shape = r.randrange(5)
        if shape == 0:
            return f"{day}/01/2026 {clock[:2]}h{clock[3:5]}"
        if shape == 1:
            return f"2026-01-{day} {clock}.{r.randrange(0, 10**6):06d}+00"
        if shape == 2:
            return f"{contexts._epoch(r)}.{r.randrange(0, 1000):03d}"
        if shape == 3:
            hour = r.randrange(1, 13)
            return (
                f"{day}-JAN-26 {hour:02d}.{clock[3:5]}.{clock[6:]}.{r.randrange(0, 10**9):09d} {v.pick(r, 'AM', 'PM')}"
            )
        return f"2026-W0{r.randrange(2, 5)}-{r.randrange(1, 8)}T{clock}"

    def sso_sessions(self) -> CorpusTable:
        """An SSO session store: the session id's SHA-256, the subject (an e-mail or an IdP's opaque id), the IdP, the
        SAML NameID (an e-mail, or a persistent id), when, the methods, the client's address, the MFA phone (full or
        masked), the refresh token (kept in some rows: a secret by its column's name), the ID token (a JWT), and
        ``data`` (the PHP-serialized session with the user's e-mail, now and then with the password typed at login)."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = (
            "sid_sha256",
            "subject",
            "idp",
            "nameid",
            "auth_time",
            "amr",
            "ip",
            "mfa_phone",
            "refresh_token",
            "id_token",
            "data",
        )
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        for _ in range(ROWS):
            cols["sid_sha256"].append((v.rand(r, v.HEX, 64), NONE))
            email = v.unasked_email(r)
            if r.random() < 0.6:
                cols["subject"].append((email, _one("email")))
            else:
                cols["subject"].append(("00u" + v.rand(r, v.ALNUM, 17), NONE))
            cols["idp"].append((v.pick(r, "okta", "entra", "keycloak", "shibboleth"), NONE))
            if r.random() < 0.5:
                cols["nameid"].append((email, _one("email")))
            else:
                cols["nameid"].append(("_" + v.rand(r, v.HEX, 40), NONE))
            cols["auth_time"].append((self._unasked_when(), NONE))
            cols["amr"].append((json.dumps(v.pick(r, "pwd", "pwd otp", "hwk", "pwd sms").split()), NONE))
            ip = v.ipv4(r) if r.random() < 0.6 else v.ipv6(r)
            cols["ip"].append((ip, _one("ipv6" if ":" in ip else "ipv4")))
            if r.random() < 0.45:
                cols["mfa_phone"].append((v.unasked_phone(r, regions), _one("phone")))
            else:
                cols["mfa_phone"].append(
                    (f"+{v.pick(r, '226', '222', '248', '975')} •• •• {v.rand(r, string.digits, 2)}", NONE)
                )
            roll = r.random()
            if roll < 0.25:
                cols["refresh_token"].append((v.rand(r, v.ALNUM + "-_", 43), _one("named_secret")))
            elif roll < 0.7:
                cols["refresh_token"].append(("", NONE))
            else:
                cols["refresh_token"].append(("rt_…" + v.rand(r, v.ALNUM, 4), NONE))
            if r.random() < 0.5:
                cols["id_token"].append((v.jwt(r), _one("jwt")))
            else:
                cols["id_token"].append(("", NONE))
            csrf = v.rand(r, v.HEX, 32)
            entries = [("email", email), ("uid", r.randrange(100, 99999)), ("csrf", csrf)]
            labels = _one("email")
            if r.random() < 0.12:
                entries.append(("password", v.unasked_password(r)))
                labels = labels | _one("password_assignment")
            cols["data"].append((_php_serialize(entries), labels))
        table = CorpusTable("sso_sessions")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def model_registry(self) -> CorpusTable:
        """A model registry: the model's id (a ULID), name, version (semver with build metadata, or a date), where its
        weights are (now and then a URL with a password), their SHA-256, the owner's e-mail, the card (prose, a FAQ
        with ``Q:``/``A:``, or the tokenizer's Jinja chat template: no conversation), the runtime's environment (an env
        reference, or a Hugging Face token, a W&B key or a ClearML secret in clear), ``sample`` (a training record in
        role JSON, now and then with a phone number the scrubber missed) and ``blob`` (a cosign signature, or a signing
        key left behind)."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        langs = self._languages()
        exchanges = [(lang, ex) for lang in langs for ex in chat.EXCHANGES[lang]]
        names = (
            "model_id",
            "name",
            "version",
            "artifact_uri",
            "weights_sha256",
            "owner",
            "card",
            "env",
            "sample",
            "blob",
        )
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        cards = (
            "Intent classifier for call-centre transcripts. It flags calls where a caller reads out a password or a "
            "card number so that the recording can be redacted; it never stores what it flags.",
            "Q: Does the model keep caller data?\nA: No. Inputs are dropped after scoring.\n"
            "Q: Which languages?\nA: French, Malagasy, Wolof, Sesotho and English.",
            "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + "
            "'<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}"
            "{% endif %}",
            "Summarizer for CDR disputes. Evaluation: ROUGE-L 0.41 on the 2025-Q4 set; see the eval report.",
        )
        for _ in range(ROWS):
            _lang, (user, answer) = r.choice(exchanges)
            cols["model_id"].append(("mdl_" + v.unasked_ulid(r), NONE))
            cols["name"].append((v.pick(r, "cdr-intent-mg", "cdr-summarizer", "sso-risk", "callback-ner"), NONE))
            version = v.pick(
                r,
                f"{r.randrange(0, 4)}.{r.randrange(0, 20)}.{r.randrange(0, 9)}+build.{r.randrange(1000, 9999)}",
                f"2026.01.{r.randrange(10, 28)}",
                f"{r.randrange(1, 4)}.{r.randrange(0, 9)}.0-rc.{r.randrange(1, 5)}",
            )
            cols["version"].append((version, NONE))
            roll = r.random()
            if roll < 0.12:
                password = urllib.parse.quote(v.unasked_password(r), safe="")
                uri = f"https://ml-ci:{password}@nexus.acme.bf/repository/models/cdr.tar"
                cols["artifact_uri"].append((uri, _one("url_credentials")))
            else:
                uri = v.pick(
                    r,
                    f"s3://acme-models/cdr/{contexts._hex_word(r, 12)}/model.safetensors",
                    f"hf://acme/cdr-intent@{v.rand(r, v.HEX, 40)}",
                    f"gs://acme-models/sso-risk/{r.randrange(1, 40)}/",
                )
                cols["artifact_uri"].append((uri, NONE))
            cols["weights_sha256"].append((v.rand(r, v.HEX, 64), NONE))
            if r.random() < 0.7:
                cols["owner"].append((v.unasked_email(r), _one("email")))
            else:
                cols["owner"].append((v.pick(r, "team-cdr", "ml-platform", "sso-risk"), NONE))
            cols["card"].append((r.choice(cards), NONE))
            roll = r.random()
            env: dict[str, object] = {"CUDA_VISIBLE_DEVICES": "0", "OMP_NUM_THREADS": str(r.randrange(1, 16))}
            labels = NONE
            if roll < 0.12:
                env["HF_TOKEN"] = "hf_" + v.rand(r, v.ALNUM, 34)
                labels = _one("huggingface_token")
            elif roll < 0.2:
                env["WANDB_API_KEY"] = v.rand(r, v.HEX, 40)
                labels = _one("generic_secret")
            elif roll < 0.28:
                env["CLEARML_API_ACCESS_KEY"] = v.rand(r, v.UPPER, 24)
                env["CLEARML_API_SECRET_KEY"] = v.unasked_clearml_secret(r)
                labels = _one("generic_secret")
            elif roll < 0.6:
                env["HF_TOKEN"] = "${HF_TOKEN}"
            cols["env"].append((json.dumps(env), labels))
            extra = NONE
            if r.random() < 0.12:
                user = f"{user} ({v.unasked_phone(r, regions)})"
                extra = _one("phone")
            record = {"messages": [{"role": "user", "content": user}, {"role": "assistant", "content": answer}]}
            cols["sample"].append((json.dumps(record, ensure_ascii=r.random() < 0.5), _one("chat_role_json") | extra))
            if r.random() < 0.1:
                key = "\n".join(v.b64(r.randbytes(48)) for _ in range(r.randrange(3, 6)))
                cols["blob"].append(
                    (f"-----BEGIN EC PRIVATE KEY-----\n{key}\n-----END EC PRIVATE KEY-----", _one("private_key"))
                )
            else:
                cols["blob"].append(("MEUCIQ" + v.b64(r.randbytes(66))[:90], NONE))
        table = CorpusTable("model_registry")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def call_records(self) -> CorpusTable:
        """A PBX's call detail records (Asterisk's ``cdr`` table): when, the caller id (a name and a number, or an
        extension), the source and destination (valid numbers in E.164 or ``00`` form, extensions, or ``s``), the
        channels, the last application and its data (a dial string with the number, or a voicemail box), the durations,
        the disposition, the account code and the unique id (long numbers that are neither), and ``userfield`` (a
        campaign tag, or the e-mail a voicemail went to)."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = (
            "calldate",
            "clid",
            "src",
            "dst",
            "dcontext",
            "channel",
            "lastapp",
            "lastdata",
            "duration",
            "billsec",
            "disposition",
            "accountcode",
            "uniqueid",
            "userfield",
        )
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        people = ("Aminata O.", "Palesa M.", "Rivo R.", "Tshering W.", "Mariem A.", "Sina L.")
        for _ in range(ROWS):
            cols["calldate"].append((self._unasked_when(), NONE))
            ext = str(r.randrange(1001, 1099))
            roll = r.random()
            if roll < 0.5:
                number = v.unasked_phone_compact(r, regions)
                cols["clid"].append((f'"{r.choice(people)}" <{number}>', _one("phone")))
                cols["src"].append((number, _one("phone")))
                inbound = True
            elif roll < 0.65:
                cols["clid"].append(('"Anonymous" <anonymous>', NONE))
                cols["src"].append(("anonymous", NONE))
                inbound = True
            else:
                cols["clid"].append((f'"Agent {ext}" <{ext}>', NONE))
                cols["src"].append((ext, NONE))
                inbound = False
            trunk = v.pick(r, "trunk-mr", "trunk-bf", "trunk-sz")
            if inbound:
                cols["dst"].append((v.pick(r, ext, "s"), NONE))
                cols["dcontext"].append(("from-trunk", NONE))
                cols["channel"].append((f"PJSIP/{trunk}-{contexts._hex_word(r, 8)}", NONE))
                if r.random() < 0.5:
                    cols["lastapp"].append(("Dial", NONE))
                    cols["lastdata"].append((f"PJSIP/{ext},30,tT", NONE))
                else:
                    cols["lastapp"].append(("VoiceMail", NONE))
                    cols["lastdata"].append((f"{ext}@default,u", NONE))
            else:
                number = v.unasked_phone_compact(r, regions)
                cols["dst"].append((number, _one("phone")))
                cols["dcontext"].append(("from-internal", NONE))
                cols["channel"].append((f"PJSIP/{ext}-{contexts._hex_word(r, 8)}", NONE))
                cols["lastapp"].append(("Dial", NONE))
                cols["lastdata"].append((f"PJSIP/{number}@{trunk},60,tTr", _one("phone")))
            duration = r.randrange(0, 1800)
            cols["duration"].append((str(duration), NONE))
            cols["billsec"].append((str(max(0, duration - r.randrange(0, 30))), NONE))
            cols["disposition"].append((v.pick(r, "ANSWERED", "NO ANSWER", "BUSY", "FAILED"), NONE))
            cols["accountcode"].append((v.no_phone_digits(r, 12, regions), NONE))
            cols["uniqueid"].append((f"{contexts._epoch(r)}.{r.randrange(1, 99999)}", NONE))
            roll = r.random()
            if roll < 0.15:
                cols["userfield"].append((f"vm2email={v.unasked_email(r)}", _one("email")))
            else:
                tag = v.pick(r, "campaign=renewals", "queue=support-fr", "", "recording=yes", "survey=3")
                cols["userfield"].append((tag, NONE))
        table = CorpusTable("call_records")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    # ------------------------------------------------------------------------ unbidden shapes and tables

    def _unbidden_dump(self, head: dict[str, str]) -> str:
        """The gateway's request as one of six clients prints it: Python ``http.client`` at ``debuglevel=1`` (under
        requests and urllib3), OpenFeign's ``FULL`` logger, Rust hyper's ``Debug`` of a ``Request`` (which prints
        ``Sensitive`` for a value reqwest marked sensitive, as ``bearer_auth`` does: ``self._dump_masked`` says so),
        Node undici's ``undici:request:create`` diagnostics channel, libsoup's ``SoupLogger`` or Julia HTTP.jl's
        ``verbose=2`` dump."""
        r = self.r
        self._dump_masked = False
        lower = {k.lower(): val for k, val in head.items()}
        host, path = _unbidden_endpoint(lower)
        title = {k: "-".join(p.capitalize() for p in k.split("-")) for k in lower}
        length = r.randrange(120, 4000)
        shape = r.randrange(6)
        if shape == 0:
            lines = [f"{title[k]}: {val}" for k, val in lower.items()]
            wire = "\\r\\n".join(
                [
                    f"POST {path} HTTP/1.1",
                    f"Host: {host}",
                    "User-Agent: python-requests/2.32.3",
                    "Accept-Encoding: gzip, deflate",
                    "Accept: */*",
                    "Connection: keep-alive",
                    *lines,
                    f"Content-Length: {length}",
                ]
            )
            return (
                f"DEBUG:urllib3.connectionpool:Starting new HTTPS connection (1): {host}:443\n"
                f"send: b'{wire}\\r\\n\\r\\n'\nreply: 'HTTP/1.1 200 OK\\r\\n'\n"
                "header: Content-Type: application/json\nheader: Transfer-Encoding: chunked\n"
                f'DEBUG:urllib3.connectionpool:https://{host}:443 "POST {path} HTTP/1.1" 200 None'
            )
        if shape == 1:
            tag = f"[{v.pick(r, 'LlmClient', 'InferenceClient', 'RemitAssistantClient')}#chat]"
            lines = [f"{tag} ---> POST https://{host}{path} HTTP/1.1"]
            lines += [f"{tag} {title[k]}: {val}" for k, val in lower.items()]
            lines += [f"{tag} Content-Length: {length}", f"{tag} ", f"{tag} ---> END HTTP ({length}-byte body)"]
            return "\n".join(lines)
        if shape == 2:
            self._dump_masked = "authorization" in lower and r.random() < 0.5
            pairs = ", ".join(
                f'"{k}": {"Sensitive" if k == "authorization" and self._dump_masked else json.dumps(val)}'
                for k, val in lower.items()
            )
            return (
                f"Request {{ method: POST, uri: https://{host}{path}, version: HTTP/1.1, headers: {{{pairs}}}, "
                f"body: Body(Streaming) }}"
            )
        if shape == 3:
            flat = "".join(f"{k}: {val}\r\n" for k, val in lower.items())
            event = {"origin": f"https://{host}", "method": "POST", "path": path, "headers": flat}
            return f"undici:request:create {json.dumps(event)}"
        if shape == 4:
            stamp = contexts._epoch(r)
            ids = [f"0x55{v.rand(r, v.HEX, 10)}" for _ in range(3)]
            lines = [
                f"> POST {path} HTTP/1.1",
                f"> Soup-Debug-Timestamp: {stamp}",
                f"> Soup-Debug: SoupSession 1 ({ids[0]}), SoupMessage 1 ({ids[1]}), GSocket 1 ({ids[2]})",
                f"> Host: {host}",
            ]
            lines += [f"> {title[k]}: {val}" for k, val in lower.items()]
            lines += ["> Accept-Encoding: gzip, deflate, br", "> Connection: Keep-Alive"]
            return "\n".join(lines)
        lines = [f"POST {path} HTTP/1.1"] + [f"{title[k]}: {val}" for k, val in lower.items()]
        lines += [f"Host: {host}", "Accept: */*", "User-Agent: HTTP.jl/1.10.8", f"Content-Length: {length}"]
        return 'HTTP.Messages.Request:\n"""\n' + "\r\n".join(lines) + '\r\n\r\n[Message Body was streamed]"""'

    def _unbidden_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object] | str, str, str]:
        """A request body and its reply with what each holds: OCI Generative AI's chat in its ``GENERIC`` format (role
        and content parts, upper-case roles), OCI's ``COHERE`` format (a bare message and a preamble in, the chat
        history with ``USER`` and ``CHATBOT`` back: ``self._reply_echoes`` says the user's turn is echoed), SAP AI
        Core's orchestration service (a role template with the user's text as an input parameter; its module results
        echo the rendered template), DeepInfra's native inference endpoint fed a prompt in CodeLlama-70B or Apertus
        markup, Dialogflow CX's ``detectIntent`` (a bare text in, the text echoed back in ``queryResult``) or a Bedrock
        agent's ``InvokeAgent`` (a bare input text, the completion back as the gateway collected it)."""
        r = self.r
        self._reply_echoes = False
        system = chat.SYSTEM_PROMPTS[lang]
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        shape = r.randrange(6)
        body: dict[str, object]
        reply: dict[str, object]
        compartment = "ocid1.compartment.oc1.." + v.rand(r, "abcdefghijklmnopqrstuvwxyz0123456789", 60)
        if shape == 0:
            body = {
                "compartmentId": compartment,
                "servingMode": {"servingType": "ON_DEMAND", "modelId": "meta.llama-3.3-70b-instruct"},
                "chatRequest": {
                    "apiFormat": "GENERIC",
                    "messages": [
                        {"role": "SYSTEM", "content": [{"type": "TEXT", "text": system}]},
                        {"role": "USER", "content": [{"type": "TEXT", "text": user}]},
                    ],
                    "maxTokens": 600,
                    "temperature": 0.5,
                },
            }
            reply = {
                "modelId": "meta.llama-3.3-70b-instruct",
                "modelVersion": "1.0.0",
                "chatResponse": {
                    "apiFormat": "GENERIC",
                    "timeCreated": f"2026-01-{r.randrange(10, 28)}T{contexts._ub_clock(r)}.{r.randrange(0, 1000):03d}Z",
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "ASSISTANT", "content": [{"type": "TEXT", "text": answer}]},
                            "finishReason": "stop",
                        }
                    ],
                    "usage": {"promptTokens": tokens_in, "completionTokens": tokens_out},
                },
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 1:
            self._reply_echoes = True
            body = {
                "compartmentId": compartment,
                "servingMode": {"servingType": "ON_DEMAND", "modelId": "cohere.command-r-08-2024"},
                "chatRequest": {"apiFormat": "COHERE", "message": user, "preambleOverride": system, "maxTokens": 600},
            }
            reply = {
                "modelId": "cohere.command-r-08-2024",
                "chatResponse": {
                    "apiFormat": "COHERE",
                    "text": answer,
                    "chatHistory": [{"role": "USER", "message": user}, {"role": "CHATBOT", "message": answer}],
                    "finishReason": "COMPLETE",
                },
            }
            return body, reply, "", "chat_role_json"
        if shape == 2:
            self._reply_echoes = True
            template = [{"role": "system", "content": system}, {"role": "user", "content": "{{?question}}"}]
            body = {
                "orchestration_config": {
                    "module_configurations": {
                        "templating_module_config": {"template": template},
                        "llm_module_config": {"model_name": "gpt-4o", "model_params": {"max_tokens": 600}},
                        "masking_module_config": {"masking_providers": []},
                    }
                },
                "input_params": {"question": user},
            }
            reply = {
                "request_id": contexts._rid(r),
                "module_results": {
                    "templating": [{"role": "system", "content": system}, {"role": "user", "content": user}],
                    "llm": {"object": "chat.completion", "model": "gpt-4o-2024-08-06"},
                },
                "orchestration_result": {
                    "object": "chat.completion",
                    "choices": [
                        {"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}
                    ],
                    "usage": {"prompt_tokens": tokens_in, "completion_tokens": tokens_out},
                },
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 3:
            body = {
                "input": _unbidden_markup(r.choice((0, 1)), system, user, ""),
                "max_new_tokens": 512,
                "temperature": 0.7,
                "stop": ["<step>", "<|assistant_end|>"],
            }
            reply = {
                "results": [{"generated_text": answer}],
                "num_tokens": tokens_out,
                "num_input_tokens": tokens_in,
                "inference_status": {"status": "succeeded", "runtime_ms": r.randrange(200, 9000), "cost": 0.0004},
            }
            return body, reply, "chat_template", ""
        if shape == 4:
            self._reply_echoes = True
            body = {
                "queryInput": {"text": {"text": user}, "languageCode": lang},
                "queryParams": {"timeZone": v.pick(r, "Africa/Banjul", "Africa/Juba", "Pacific/Tarawa")},
            }
            reply = {
                "responseId": contexts._rid(r),
                "queryResult": {
                    "text": user,
                    "languageCode": lang,
                    "responseMessages": [{"text": {"text": [answer]}}],
                    "currentPage": {"displayName": "Start Page"},
                    "intentDetectionConfidence": round(r.uniform(0.3, 1), 2),
                    "match": {"matchType": v.pick(r, "INTENT", "NO_MATCH", "KNOWLEDGE_CONNECTOR")},
                },
            }
            return body, reply, "", ""
        body = {
            "inputText": user,
            "enableTrace": False,
            "sessionState": {"sessionAttributes": {"channel": v.pick(r, "whatsapp", "ussd", "web")}},
        }
        reply = {
            "completion": answer,
            "contentType": "application/json",
            "sessionId": contexts._rid(r),
            "memoryId": None,
        }
        return body, reply, "", ""

    def _unbidden_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then two turns per language in which
        the user pastes a password (a credential phrase), a key (its vendor's finding), a card number, an IBAN or a
        phone number, with an answer that does not repeat it; in a turn of that language when the conversation has
        one."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unbidden_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        kinds = ("password", "key", "card", "iban", "phone")
        regions = PHONE_REGIONS[self.split]
        for k, lang in enumerate(chat.UNBIDDEN_LANGUAGES):
            for kind in (kinds[(2 * k + 1) % 5], kinds[(2 * k + 3) % 5]):
                free = [i for i in range(5, ROWS // 2) if i not in used]
                turn = next((i for i in free if exchanges[i][0] == lang), free[0])
                used.add(turn)
                prompt, answer = chat.UNBIDDEN_SECRET_TURNS[lang][kind]
                if kind == "password":
                    text, label = prompt.format(password=v.unbidden_password(r)), "credential_phrase"
                elif kind == "key":
                    gen, label = r.choice(UNBIDDEN_PASTED_KEYS)
                    text = prompt.format(key=gen(r))
                elif kind == "card":
                    text, label = prompt.format(card=v.unbidden_card(r)), "payment_card"
                elif kind == "iban":
                    text, label = prompt.format(iban=v.unbidden_iban(r)), "iban"
                else:
                    text, label = prompt.format(phone=v.unbidden_phone(r, regions)), "phone"
                contents[2 * turn] = (text, _one(label))
                contents[2 * turn + 1] = (answer, NONE)

    def _unbidden_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as chat front-ends and help desks export it: Open Interpreter's message list (with the
        computer's console output between the turns), a NextChat backup, Chatwoot's messages (``message_type`` 0 from
        the contact, 1 from the agent), a Khoj chat (``by`` you and khoj), a Chatbox export or a Cherry Studio topic."""
        r = self.r
        system = chat.SYSTEM_PROMPTS[lang]
        when = self._unbidden_when()
        doc: object
        if shape == 0:
            doc = [
                {"role": "user", "type": "message", "content": ex[0]},
                {
                    "role": "assistant",
                    "type": "code",
                    "format": "python",
                    "content": "import platform; platform.node()",
                },
                {"role": "computer", "type": "console", "format": "output", "content": "'remit-app-01'"},
                {"role": "assistant", "type": "message", "content": ex[1]},
            ]
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 1:
            doc = {
                "chat-next-web-store": {
                    "sessions": [
                        {
                            "id": v.rand(r, v.ALNUM + "-_", 21),
                            "topic": ex[0][:24],
                            "messages": [
                                {"id": v.rand(r, v.ALNUM + "-_", 21), "date": when, "role": "user", "content": ex[0]},
                                {
                                    "id": v.rand(r, v.ALNUM + "-_", 21),
                                    "date": when,
                                    "role": "assistant",
                                    "content": ex[1],
                                    "streaming": False,
                                    "model": "gpt-4o-mini",
                                },
                            ],
                            "mask": {"name": "KYC helper", "context": [{"role": "system", "content": system}]},
                        }
                    ]
                }
            }
            return json.dumps(doc, ensure_ascii=False)
        if shape == 2:
            conversation = r.randrange(100, 99999)
            doc = {
                "meta": {"contact_last_seen_at": contexts._epoch(r)},
                "payload": [
                    {
                        "id": r.randrange(10**5, 10**6),
                        "content": ex[0],
                        "message_type": 0,
                        "conversation_id": conversation,
                        "sender": {"type": "contact", "id": r.randrange(1, 9999)},
                    },
                    {
                        "id": r.randrange(10**5, 10**6),
                        "content": ex[1],
                        "message_type": 1,
                        "conversation_id": conversation,
                        "sender": {"type": "user", "id": r.randrange(1, 40), "available_name": "Agent"},
                    },
                ],
            }
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 3:
            doc = {
                "chat": [
                    {"by": "you", "message": ex[0], "created": when},
                    {"by": "khoj", "message": ex[1], "created": when, "context": [], "onlineContext": {}},
                ],
                "agent": {"slug": "khoj", "name": "Khoj"},
            }
            return json.dumps(doc, ensure_ascii=False)
        if shape == 4:
            stamp = int(v.luhn_free_number(r, 1_768_000_000_000, 1_769_900_000_000))
            doc = {
                "chat-sessions": [
                    {
                        "id": contexts._rid(r),
                        "name": "Untitled",
                        "messages": [
                            {"id": contexts._rid(r), "role": "system", "content": system},
                            {"id": contexts._rid(r), "role": "user", "content": ex[0], "timestamp": stamp},
                            {
                                "id": contexts._rid(r),
                                "role": "assistant",
                                "content": ex[1],
                                "model": "OpenAI API (gpt-4o)",
                                "wordCount": len(ex[1].split()),
                            },
                        ],
                    }
                ]
            }
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        topic = contexts._rid(r)
        doc = {
            "topics": [
                {
                    "id": topic,
                    "messages": [
                        {"role": "user", "content": ex[0], "topicId": topic, "createdAt": when, "status": "success"},
                        {
                            "role": "assistant",
                            "content": ex[1],
                            "topicId": topic,
                            "createdAt": when,
                            "status": "success",
                            "model": {"id": "deepseek-chat", "provider": "deepseek"},
                        },
                    ],
                }
            ]
        }
        return json.dumps(doc, ensure_ascii=False)

    def _unbidden_when(self) -> str:
        """A time in one of the shapes this split's systems print (none a finding): NextChat's ``1/12/2026, 10:41:07
        AM``, Odoo's ``2026-01-12 10:41:07``, an RFC 2822 date, epoch seconds with microseconds or a GS1 ``YYMMDD``."""
        r = self.r
        day, clock = r.randrange(10, 28), contexts._ub_clock(r)
        shape = r.randrange(5)
        if shape == 0:
            hour = r.randrange(1, 13)
            return f"1/{day}/2026, {hour}:{clock[3:]} {v.pick(r, 'AM', 'PM')}"
        if shape == 1:
            return f"2026-01-{day} {clock}"
        if shape == 2:
            return f"{v.pick(r, 'Mon', 'Tue', 'Wed', 'Thu', 'Fri')}, {day} Jan 2026 {clock} +0000"
        if shape == 3:
            return f"{contexts._epoch(r)}.{r.randrange(0, 10**6):06d}"
        return f"2601{day}"

    def remittances(self) -> CorpusTable:
        """A mobile-money remittance ledger: the transfer's reference (16 digits that fail Luhn), the corridor, the
        sender's MSISDN (full or masked), ``beneficiary`` (JSON with a wallet number or an IBAN), the amount in the
        local way, the rate, ``memo`` (what the sender typed: now and then a card number pasted by mistake), the agent
        (an e-mail or an agent code), the handset's IMEI (15 digits that pass Luhn: no card), ``c9`` (the receipt's
        EPC QR payload for bank payouts, else empty) and the status."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = (
            "txn_ref",
            "corridor",
            "sender_msisdn",
            "beneficiary",
            "amount",
            "fx",
            "memo",
            "agent",
            "imei",
            "c9",
            "status",
        )
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        memos = (
            "school fees for Awa, term 2",
            "Ndenge tosololaki: mbongo ya kotonga ndako",
            "Ni ya ishure, murakoze",
            "medicine for mama",
            "Fakafetaʻi ki he tokoni",
            "",
        )
        for _ in range(ROWS):
            cols["txn_ref"].append((v.unbidden_reference(r), NONE))
            cols["corridor"].append((v.pick(r, "GM→SN", "SS→UG", "BI→RW", "ER→SD", "GQ→CM", "KI→FJ"), NONE))
            if r.random() < 0.7:
                cols["sender_msisdn"].append((v.unbidden_phone(r, regions), _one("phone")))
            else:
                code = v.pick(r, "220", "211", "257", "291")
                cols["sender_msisdn"].append((f"+{code} ••• ••{v.rand(r, string.digits, 2)}", NONE))
            roll = r.random()
            if roll < 0.5:
                beneficiary = {"type": "wallet", "msisdn": v.unbidden_phone(r, regions), "network": "MTN"}
                cols["beneficiary"].append((json.dumps(beneficiary, ensure_ascii=False), _one("phone")))
            elif roll < 0.8:
                beneficiary = {"type": "bank", "iban": v.unbidden_iban(r, grouped=False), "bic": "CKBCMEPG"}
                cols["beneficiary"].append((json.dumps(beneficiary), _one("iban")))
            else:
                beneficiary = {"type": "cash_pickup", "agent_id": f"AG-{r.randrange(1000, 9999)}"}
                cols["beneficiary"].append((json.dumps(beneficiary), NONE))
            whole = r.randrange(10, 90000)
            cols["amount"].append((f"{whole:,}".replace(",", "\u202f") + f",{r.randrange(0, 100):02d}", NONE))
            cols["fx"].append((f"{r.uniform(0.001, 900):.6f}", NONE))
            if r.random() < 0.1:
                cols["memo"].append((f"pay with my card {v.unbidden_card(r)} pls", _one("payment_card")))
            else:
                cols["memo"].append((r.choice(memos), NONE))
            if r.random() < 0.6:
                cols["agent"].append((v.unbidden_email(r), _one("email")))
            else:
                cols["agent"].append((f"AG-{v.pick(r, 'BJL', 'JUB', 'BJM', 'ASM')}-{r.randrange(100, 999)}", NONE))
            cols["imei"].append((v.unbidden_imei(r), NONE))
            if beneficiary["type"] == "bank" and r.random() < 0.5:
                iban = str(beneficiary["iban"])
                qr = f"BCD\n002\n1\nSCT\nCKBCMEPG\nRemit beneficiary\n{iban}\nEUR{r.randrange(10, 900)}.00\n\n\n"
                cols["c9"].append((qr, _one("iban")))
            else:
                cols["c9"].append(("", NONE))
            cols["status"].append((v.pick(r, "PAID", "PENDING", "REVERSED", "ON_HOLD"), NONE))
        table = CorpusTable("remittances")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def kyc_reviews(self) -> CorpusTable:
        """A KYC review queue: the case, the applicant's e-mail, the document type and its MRZ (personal data of no
        class here: a passport's machine-readable lines), the selfie's SHA-256, the reviewer's note (prose: now and then
        the applicant's number quoted, or a password reset explained in words), ``vendor_payload`` (the verification
        vendor's webhook JSON, or the request the gateway sent with the vendor's key in it), ``attrs`` (extracted
        fields, with the payout IBAN for some), the applicant's address and ``x`` (the review console's session JWT,
        or empty)."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = (
            "case_id",
            "applicant",
            "doc_type",
            "mrz",
            "selfie_sha256",
            "note",
            "vendor_payload",
            "attrs",
            "ip",
            "x",
        )
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = (
            "Document glare on the lower half; asked for a new photo.",
            "Applicant forgot their password; told them to use the reset link, never to send it by chat.",
            "Name on the ID matches the wallet; address proof is older than three months.",
            "Liveness check passed on the second attempt.",
            "Q: Is the selfie the same person? A: Yes, score 0.93.",
        )
        for _ in range(ROWS):
            cols["case_id"].append(("kyc_" + v.rand(r, "0123456789abcdefghjkmnpqrstvwxyz", 26), NONE))
            cols["applicant"].append((v.unbidden_email(r), _one("email")))
            cols["doc_type"].append((v.pick(r, "PASSPORT", "NATIONAL_ID", "VOTER_CARD", "DRIVING_LICENCE"), NONE))
            country = v.pick(r, "GMB", "GNB", "GNQ", "STP", "ERI", "SSD", "BDI", "KIR")
            surname = v.pick(r, "JALLOW", "BALDE", "NSUE", "DA<GRACA", "TESFAMARIAM", "DENG", "NDUWIMANA", "TABANE")
            line1 = f"P<{country}{surname}<<{v.pick(r, 'FATOU', 'MAMADU', 'AKUOL', 'CLAUDINE')}".ljust(44, "<")
            line2 = (
                f"{v.rand(r, string.ascii_uppercase, 1)}{v.rand(r, string.digits, 7)}<{r.randrange(0, 10)}{country}"
                f"{r.randrange(70, 99)}0{r.randrange(1, 10)}{r.randrange(10, 29)}{r.randrange(0, 10)}"
                f"{v.pick(r, 'F', 'M')}3{r.randrange(0, 2)}0{r.randrange(1, 10)}{r.randrange(10, 29)}"
                f"{r.randrange(0, 10)}"
            ).ljust(42, "<") + f"0{r.randrange(0, 10)}"
            cols["mrz"].append((f"{line1}\n{line2}", NONE))
            cols["selfie_sha256"].append((v.rand(r, v.HEX, 64), NONE))
            if r.random() < 0.15:
                cols["note"].append(
                    (f"Applicant asked us to call {v.unbidden_phone(r, regions)} instead.", _one("phone"))
                )
            else:
                cols["note"].append((r.choice(notes), NONE))
            roll = r.random()
            if roll < 0.12:
                request = (
                    "POST /v3.6/checks HTTP/1.1\nHost: api.eu.onfido.com\n"
                    f"Authorization: Token token={v.unbidden_onfido_token(r)}\nContent-Type: application/json"
                )
                cols["vendor_payload"].append((request, _one("generic_secret")))
            else:
                hook = {
                    "payload": {
                        "resource_type": "check",
                        "action": "check.completed",
                        "object": {
                            "id": contexts._rid(r),
                            "status": "complete",
                            "result": v.pick(r, "clear", "consider"),
                        },
                    },
                    "signature": v.rand(r, v.HEX, 64),
                }
                cols["vendor_payload"].append((json.dumps(hook), NONE))
            if r.random() < 0.3:
                attrs = {"payout_iban": v.unbidden_iban(r), "nationality": country}
                cols["attrs"].append((json.dumps(attrs), _one("iban")))
            else:
                cols["attrs"].append(
                    (json.dumps({"nationality": country, "doc_expiry": f"20{r.randrange(27, 35)}-06-30"}), NONE)
                )
            ip = v.ipv4(r) if r.random() < 0.7 else v.ipv6(r)
            cols["ip"].append((ip, _one("ipv6" if ":" in ip else "ipv4")))
            if r.random() < 0.4:
                cols["x"].append((v.jwt(r), _one("jwt")))
            else:
                cols["x"].append(("", NONE))
        table = CorpusTable("kyc_reviews")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def rag_chunks(self) -> CorpusTable:
        """A retrieval store's chunks of the ops wiki: the chunk's id, its source (now and then a URL with the
        crawler's password in it), the chunk's text (runbook prose about passwords and keys, a FAQ with ``Q:``/``A:``,
        a support macro with ``Agent:`` and ``Customer:`` placeholders, documentation's example keys; now and then a
        pasted ``.env`` line with a real key), ``meta`` (JSON with the page's author, an e-mail), the embedding, the
        text's SHA-1 and ``f7`` (the chunk's token count, splitter and overlap)."""
        r = self.r
        names = ("chunk_id", "source", "text", "meta", "embedding", "sha1", "f7")
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        prose = (
            "To rotate the payout API key, create the new key first, deploy it, then revoke the old one. Never paste "
            "a key or a password into a ticket or a chat; use the vault link instead.",
            "Q: What do I do when a customer reads out their PIN?\nA: Stop them, note that it was disclosed, and ask "
            "them to change it in the app.",
            "Agent: Hello {{customer.first_name}}, thanks for waiting.\nCustomer: {{customer.message}}\nAgent: I have "
            "escalated this to the KYC team.",
            "The AWS docs use AKIAIOSFODNN7EXAMPLE and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY as example "
            "credentials; our CI rejects them.",
            "Passwords must be at least 14 characters. Reset links expire after 20 minutes; agents cannot see them.",
            "Mosquitto bridges authenticate with a client certificate; the password option is only for the legacy "
            "broker, see the vault path remit/mqtt/bridge.",
        )
        secrets = (
            (lambda r: f"PAYOUT_WEBHOOK_SECRET={v.rand(r, v.ALNUM, 40)}", "generic_secret"),
            (lambda r: f"OPENAI_API_KEY={v.openai_project(r)}", "openai_project_key"),
            (lambda r: f"GITHUB_TOKEN={v.github_token(r, 'ghp')}", "github_classic_token"),
        )
        for _ in range(ROWS):
            cols["chunk_id"].append((contexts._rid(r), NONE))
            if r.random() < 0.1:
                password = urllib.parse.quote(v.unbidden_password(r), safe="")
                cols["source"].append(
                    (f"https://crawler:{password}@wiki.remit.gm/display/OPS/Runbooks", _one("url_credentials"))
                )
            else:
                page = r.randrange(10**5, 10**6)
                cols["source"].append((f"confluence://OPS/{page}/Runbooks#chunk-{r.randrange(0, 40)}", NONE))
            if r.random() < 0.12:
                gen, label = r.choice(secrets)
                text = f"Paste this into .env on the staging box:\n{gen(r)}\nthen restart the worker."
                cols["text"].append((text, _one(label)))
            else:
                cols["text"].append((r.choice(prose), NONE))
            if r.random() < 0.6:
                meta = {"author": v.unbidden_email(r), "space": "OPS", "version": r.randrange(1, 40)}
                cols["meta"].append((json.dumps(meta), _one("email")))
            else:
                cols["meta"].append((json.dumps({"space": "OPS", "version": r.randrange(1, 40)}), NONE))
            cols["embedding"].append(("[" + ", ".join(f"{r.uniform(-1, 1):.5f}" for _ in range(8)) + ", …]", NONE))
            cols["sha1"].append((v.rand(r, v.HEX, 40), NONE))
            splitter = v.pick(r, "RecursiveCharacterTextSplitter", "MarkdownHeaderTextSplitter", "SentenceSplitter")
            cols["f7"].append((f"{r.randrange(40, 512)} tokens; {splitter}; overlap={r.choice((0, 32, 64))}", NONE))
        table = CorpusTable("rag_chunks")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    # ------------------------------------------------------------------------ unsought shapes and tables

    def _unsought_dump(self, head: dict[str, str]) -> str:
        """The gateway's request as one of five tools prints it: HTTPie's ``--offline`` request (title-case names,
        ``Host`` last), Insomnia's timeline (``> `` lines after ``* Preparing request``), Hurl's ``--very-verbose``
        request (``*`` lines, then ``>``; ``--secret`` redacts the key as ``***``: ``self._dump_masked`` says so), the
        JDK's ``HttpURLConnection`` FINE log of its ``MessageHeader`` (``{name: value}`` pairs) or Bruno's timeline
        JSON (headers as a list of name/value objects)."""
        r = self.r
        self._dump_masked = False
        lower = {k.lower(): val for k, val in head.items()}
        host, path = _unsought_endpoint(lower)
        title = {k: "-".join(p.capitalize() for p in k.split("-")) for k in lower}
        length = r.randrange(120, 4000)
        shape = r.randrange(5)
        if shape == 0:
            lines = [f"POST {path} HTTP/1.1", "Accept: application/json, */*;q=0.5", "Accept-Encoding: gzip, deflate"]
            lines += [f"{title[k]}: {val}" for k, val in lower.items()]
            lines += [
                "Connection: keep-alive",
                f"Content-Length: {length}",
                f"Host: {host}",
                "User-Agent: HTTPie/3.2.4",
            ]
            return "\n".join(lines)
        if shape == 1:
            lines = [
                "* Preparing request to https://" + host + path,
                f"* Current time is 2026-01-{r.randrange(10, 28)}T{contexts._uo_clock(r)}.{r.randrange(0, 1000):03d}Z",
                "* Enable automatic URL encoding",
                f"* Connected to {host} port 443",
                f"> POST {path} HTTP/2",
                f"> Host: {host}",
                "> user-agent: insomnia/10.3.0",
            ]
            lines += [f"> {k}: {val}" for k, val in lower.items()]
            lines += ["> accept: */*", f"> content-length: {length}"]
            return "\n".join(lines)
        if shape == 2:
            self._dump_masked = "authorization" in lower and r.random() < 0.5
            lines = [
                f"* Executing entry {r.randrange(1, 6)}",
                "*",
                "* Cookie store:",
                "*",
                "* Request:",
                f"* POST https://{host}{path}",
                "*",
                "* Request can be run with the following curl command:",
                f"* curl --request POST 'https://{host}{path}'",
                "*",
                f"> POST {path} HTTP/2",
                f"> Host: {host}",
                "> Accept: */*",
            ]
            for k, val in lower.items():
                shown = "***" if k == "authorization" and self._dump_masked else val
                lines.append(f"> {k}: {shown}")
            lines += ["> User-Agent: hurl/6.0.0", f"> Content-Length: {length}", ">"]
            return "\n".join(lines)
        if shape == 3:
            pairs = "".join(f"{{{title[k]}: {val}}}" for k, val in lower.items())
            return (
                f"Jan {r.randrange(10, 28)}, 2026 {contexts._uo_clock(r)} PM "
                "sun.net.www.protocol.http.HttpURLConnection "
                f"writeRequests\nFINE: sun.net.www.MessageHeader@{v.rand(r, v.HEX, 7)}{len(lower) + 5} pairs: "
                f"{{POST {path} HTTP/1.1: null}}{pairs}{{User-Agent: Java/21.0.5}}{{Host: {host}}}"
                "{Accept: */*}{Connection: keep-alive}" + f"{{Content-Length: {length}}}"
            )
        event = {
            "timestamp": contexts._epoch(r) * 1000 + r.randrange(0, 1000),
            "request": {
                "method": "POST",
                "url": f"https://{host}{path}",
                "headers": [{"name": k, "value": val, "enabled": True} for k, val in lower.items()],
            },
            "response": {"status": r.choice((200, 401, 429, 500))},
        }
        return json.dumps({"timeline": [event]})

    def _unsought_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object] | str, str, str]:
        """A request body and its reply with what each holds: Cloudflare Workers AI (messages in, ``result.response``
        back as bare text), a SageMaker endpoint fed a prompt in Phind or openPangu markup (``inputs`` in,
        ``generated_text`` back), Amazon Lex V2's ``RecognizeText`` (a bare text in; the reply's ``inputTranscript``
        echoes it: ``self._reply_echoes`` says so), Bot Framework Direct Line activities (the user's activity with
        ``from.role`` in, the activity set with the bot's answer back, which echoes the user's turn), or Groq's
        OpenAI-compatible chat (messages in, choices back)."""
        r = self.r
        self._reply_echoes = False
        system = chat.SYSTEM_PROMPTS[lang]
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        shape = r.randrange(5)
        body: dict[str, object]
        reply: dict[str, object]
        if shape == 0:
            body = {
                "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
                "max_tokens": 512,
                "stream": False,
            }
            reply = {
                "result": {"response": answer, "usage": {"prompt_tokens": tokens_in}},
                "success": True,
                "errors": [],
            }
            return body, reply, "chat_role_json", ""
        if shape == 1:
            body = {
                "inputs": _unsought_markup(r.choice((0, 3)), system, user, ""),
                "parameters": {"max_new_tokens": 512, "temperature": 0.6, "top_p": 0.9, "return_full_text": False},
            }
            reply = {
                "generated_text": answer,
                "details": {"finish_reason": "eos_token", "generated_tokens": tokens_out},
            }
            return body, reply, "chat_template", ""
        if shape == 2:
            self._reply_echoes = True
            body = {
                "text": user,
                "sessionState": {"sessionAttributes": {"clinic": v.pick(r, "praia", "tripoli", "andorra-la-vella")}},
                "requestAttributes": {"x-amz-lex:channels:platform": "web"},
            }
            reply = {
                "messages": [{"content": answer, "contentType": "PlainText"}],
                "sessionState": {"intent": {"name": "BookVisit", "state": "InProgress"}},
                "interpretations": [{"intent": {"name": "BookVisit"}, "nluConfidence": {"score": 0.87}}],
                "inputTranscript": user,
                "sessionId": contexts._rid(r),
            }
            return body, reply, "", ""
        if shape == 3:
            self._reply_echoes = True
            conversation = v.rand(r, v.ALNUM, 22) + "-" + v.pick(r, "eu", "in", "us")
            body = {
                "type": "message",
                "from": {"id": f"dl_{v.rand(r, v.HEX, 12)}", "role": "user"},
                "text": user,
                "locale": lang,
            }
            reply = {
                "activities": [
                    {
                        "type": "message",
                        "id": f"{conversation}|0000000",
                        "from": {"id": "dl_user", "role": "user"},
                        "text": user,
                    },
                    {
                        "type": "message",
                        "id": f"{conversation}|0000001",
                        "from": {"id": "ride-helper-bot", "name": "Ride helper", "role": "bot"},
                        "text": answer,
                    },
                ],
                "watermark": "1",
            }
            return body, reply, "chat_role_json", "chat_role_json"
        body = {
            "model": v.pick(r, "llama-3.3-70b-versatile", "qwen/qwen3-32b", "openai/gpt-oss-120b"),
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
            "temperature": 0.4,
        }
        reply = {
            "id": "chatcmpl-" + contexts._rid(r),
            "object": "chat.completion",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}],
            "usage": {"queue_time": round(r.uniform(0.01, 0.2), 4), "prompt_tokens": tokens_in},
            "x_groq": {"id": "req_" + v.rand(r, "0123456789abcdefghjkmnpqrstvwxyz", 26)},
        }
        return body, reply, "chat_role_json", "chat_role_json"

    def _unsought_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then two turns per language in which
        the user pastes a password (a credential phrase), a key (its vendor's finding), a card number, an IBAN or a
        phone number, with an answer that does not repeat it; in a turn of that language when the conversation has
        one."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unsought_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        kinds = ("password", "key", "card", "iban", "phone")
        regions = PHONE_REGIONS[self.split]
        for k, lang in enumerate(chat.UNSOUGHT_LANGUAGES):
            for kind in (kinds[(2 * k) % 5], kinds[(2 * k + 2) % 5]):
                free = [i for i in range(5, ROWS // 2) if i not in used]
                turn = next((i for i in free if exchanges[i][0] == lang), free[0])
                used.add(turn)
                prompt, answer = chat.UNSOUGHT_SECRET_TURNS[lang][kind]
                if kind == "password":
                    text, label = prompt.format(password=v.unsought_password(r)), "credential_phrase"
                elif kind == "key":
                    gen, label = r.choice(UNSOUGHT_PASTED_KEYS)
                    text = prompt.format(key=gen(r))
                elif kind == "card":
                    text, label = prompt.format(card=v.unsought_card(r)), "payment_card"
                elif kind == "iban":
                    text, label = prompt.format(iban=v.unsought_iban(r)), "iban"
                else:
                    text, label = prompt.format(phone=v.unsought_phone(r, regions)), "phone"
                contents[2 * turn] = (text, _one(label))
                contents[2 * turn + 1] = (answer, NONE)

    def _unsought_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as chat front-ends and help desks export it: a Jan thread's messages (content parts with
        ``text.value``), a BetterChatGPT export, LiveChat's chat events (``author_id`` against the chat's users list,
        whose ``type`` says customer or agent), a Help Scout conversation's threads (``type`` customer and message),
        Gorgias ticket messages (``from_agent`` and ``body_text``) or an Msty export (``role`` and ``content`` under
        ``messages`` of a folder's conversation)."""
        r = self.r
        system = chat.SYSTEM_PROMPTS[lang]
        when = self._unsought_when()
        doc: object
        if shape == 0:
            thread = "jan_" + v.rand(r, v.HEX, 10)
            doc = [
                {
                    "id": contexts._rid(r),
                    "thread_id": thread,
                    "role": role,
                    "content": [{"type": "text", "text": {"value": text, "annotations": []}}],
                    "status": "ready",
                    "created_at": contexts._epoch(r) * 1000,
                }
                for role, text in (("user", ex[0]), ("assistant", ex[1]))
            ]
            return "\n".join(json.dumps(m, ensure_ascii=False) for m in doc)
        if shape == 1:
            doc = {
                "chats": [
                    {
                        "id": contexts._rid(r),
                        "title": ex[0][:30],
                        "messages": [
                            {"role": "system", "content": system},
                            {"role": "user", "content": ex[0]},
                            {"role": "assistant", "content": ex[1]},
                        ],
                        "config": {"model": "gpt-4o", "max_tokens": 4000, "temperature": 1},
                        "titleSet": True,
                    }
                ],
                "version": 1,
            }
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 2:
            customer, agent = contexts._rid(r), "support@" + v.pick(r, "clinic.ad", "rides.cv")
            doc = {
                "chat": {
                    "id": v.rand(r, string.ascii_uppercase + string.digits, 10),
                    "users": [{"id": customer, "type": "customer"}, {"id": agent, "type": "agent"}],
                    "thread": {
                        "events": [
                            {"type": "message", "author_id": customer, "text": ex[0], "created_at": when},
                            {"type": "message", "author_id": agent, "text": ex[1], "created_at": when},
                        ]
                    },
                }
            }
            return json.dumps(doc, ensure_ascii=False)
        if shape == 3:
            doc = {
                "_embedded": {
                    "threads": [
                        {
                            "id": r.randrange(10**9, 4 * 10**9),
                            "type": "message",
                            "body": ex[1],
                            "createdAt": when,
                            "createdBy": {"type": "user", "first": "Support"},
                        },
                        {
                            "id": r.randrange(10**9, 4 * 10**9),
                            "type": "customer",
                            "body": ex[0],
                            "createdAt": when,
                            "createdBy": {"type": "customer"},
                        },
                    ]
                }
            }
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 4:
            ticket = r.randrange(10**6, 10**8)
            doc = {
                "data": [
                    {
                        "id": r.randrange(10**8, 10**9),
                        "ticket_id": ticket,
                        "channel": "chat",
                        "from_agent": False,
                        "body_text": ex[0],
                        "created_datetime": when,
                    },
                    {
                        "id": r.randrange(10**8, 10**9),
                        "ticket_id": ticket,
                        "channel": "chat",
                        "from_agent": True,
                        "body_text": ex[1],
                        "created_datetime": when,
                    },
                ]
            }
            return json.dumps(doc, ensure_ascii=False)
        doc = {
            "folders": [
                {
                    "name": v.pick(r, "Claims", "Visits", "Rides"),
                    "conversations": [
                        {
                            "id": contexts._rid(r),
                            "messages": [
                                {"role": "user", "content": ex[0], "createdAt": when},
                                {"role": "assistant", "content": ex[1], "model": "llama3.2:3b", "createdAt": when},
                            ],
                        }
                    ],
                }
            ]
        }
        return json.dumps(doc, ensure_ascii=r.random() < 0.5)

    def _unsought_when(self) -> str:
        """A time in one of the shapes this split's systems print (none a finding): ISO 8601 with an offset, Help
        Scout's ``Z`` time, a ctime, epoch milliseconds or a Julian ``YYDDD`` date."""
        r = self.r
        day, clock = r.randrange(10, 28), contexts._uo_clock(r)
        shape = r.randrange(5)
        if shape == 0:
            return f"2026-01-{day}T{clock}{v.pick(r, '+02:00', '-01:00', '+13:00', '+05:00')}"
        if shape == 1:
            return f"2026-01-{day}T{clock}Z"
        if shape == 2:
            return f"{v.pick(r, 'Mon', 'Tue', 'Wed', 'Thu', 'Fri')} Jan {day} {clock} 2026"
        if shape == 3:
            return str(contexts._epoch(r) * 1000 + r.randrange(0, 1000))
        return f"26{day:03d}"

    def claims_queue(self) -> CorpusTable:
        """An insurance claims queue: the claim number (16 digits that fail Luhn), the policy, the claimant's e-mail,
        the insured's phone (full or masked), the diagnosis codes (ICD-10, dotted), the provider's NPI (ten digits, no
        card, no phone), ``payout`` (JSON with an IBAN, a card's last four or a cheque), the adjuster's note (prose: now
        and then a card pasted by a claimant, or a password reset described in words), the amount and ``c11`` (the
        SWIFT MT103 ``:59:`` field sent for foreign payouts, else empty) and the state."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("claim_no", "policy", "claimant", "insured_phone", "icd10", "provider_npi", "payout", "note",
                 "amount", "c11", "state")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = (
            "Receipts match the invoice; approved for the plan's 80% share.",
            "Claimant asked how to reset their portal password; sent the help article, nothing else.",
            "Pre-authorisation missing for the MRI; asked the provider for it.",
            "Duplicate of an earlier claim, closed.",
            "Q: Is physiotherapy covered abroad? A: Yes, up to 12 sessions.",
        )
        for _ in range(ROWS):
            cols["claim_no"].append((v.unsought_claim_number(r), NONE))
            cols["policy"].append((f"POL-{v.pick(r, 'CV', 'AD', 'MC', 'TO')}-{r.randrange(100000, 999999)}", NONE))
            cols["claimant"].append((v.unsought_email(r), _one("email")))
            if r.random() < 0.7:
                cols["insured_phone"].append((v.unsought_phone(r, regions), _one("phone")))
            else:
                code = v.pick(r, "238", "376", "377", "676")
                cols["insured_phone"].append((f"+{code} *** **{v.rand(r, string.digits, 2)}", NONE))
            icd = ", ".join(
                f"{v.pick(r, 'J', 'M', 'S', 'K', 'E')}{r.randrange(10, 99)}.{r.randrange(0, 10)}" for _ in range(2)
            )
            cols["icd10"].append((icd, NONE))
            cols["provider_npi"].append((v.unsought_npi(r, regions), NONE))
            roll = r.random()
            if roll < 0.45:
                payout = {"method": "transfer", "iban": v.unsought_iban(r, grouped=False), "bic": "CFCTMCMC"}
                cols["payout"].append((json.dumps(payout), _one("iban")))
            elif roll < 0.75:
                payout = {"method": "card_refund", "last4": v.rand(r, string.digits, 4), "brand": "verve"}
                cols["payout"].append((json.dumps(payout), NONE))
            else:
                payout = {"method": "cheque", "mailed": True}
                cols["payout"].append((json.dumps(payout), NONE))
            if r.random() < 0.1:
                cols["note"].append(
                    (f"Claimant wrote their card in the form: {v.unsought_card(r)}", _one("payment_card"))
                )
            else:
                cols["note"].append((r.choice(notes), NONE))
            whole = r.randrange(10, 90000)
            cols["amount"].append((f"{whole:,}".replace(",", "'") + f".{r.randrange(0, 100):02d}", NONE))
            if payout["method"] == "transfer" and r.random() < 0.5:
                iban = str(payout["iban"])
                cols["c11"].append(
                    (f":32A:2601{r.randrange(10, 28)}EUR{whole},00\n:59:/{iban}\nCLAIMANT", _one("iban"))
                )
            else:
                cols["c11"].append(("", NONE))
            cols["state"].append((v.pick(r, "OPEN", "APPROVED", "DENIED", "PAID", "PENDING_DOCS"), NONE))
        table = CorpusTable("claims_queue")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def telehealth_visits(self) -> CorpusTable:
        """A telehealth appointment log: the visit id, the patient's e-mail, the patient's callback number, the
        clinician (an e-mail or a staff code), the video room URL (Daily's, now and then with a meeting token in the
        query: a JWT), the reason (what the patient typed: now and then a password they pasted into the form), the
        pharmacy's fax (a number of no region of the split, written as a code), ``sip`` (the dial-in SIP URI, no
        address), the client's IP and ``t`` (the recording's SAS URL, or empty)."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("visit_id", "patient", "callback", "clinician", "room", "reason", "pharmacy", "sip", "client_ip", "t")
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        reasons = (
            "follow-up on blood pressure medication",
            "Mwen gen tous depi twa jou",
            "He mamae tōku upoko",
            "Ndili ndi malungo",
            "ମୋର ଜ୍ୱର ହେଉଛି",
            "Serê min diêşe",
            "",
        )
        for _ in range(ROWS):
            cols["visit_id"].append(("vis_" + v.rand(r, "0123456789abcdefghjkmnpqrstvwxyz", 20), NONE))
            cols["patient"].append((v.unsought_email(r), _one("email")))
            cols["callback"].append((v.unsought_phone(r, regions), _one("phone")))
            if r.random() < 0.5:
                cols["clinician"].append((v.unsought_email(r), _one("email")))
            else:
                cols["clinician"].append(
                    (f"DR-{v.pick(r, 'PRA', 'TIP', 'ADE', 'ASB', 'ORD')}-{r.randrange(100, 999)}", NONE)
                )
            slug = f"{v.rand(r, string.ascii_lowercase, 4)}-{v.rand(r, string.ascii_lowercase, 4)}"
            room = f"https://clinic-ad.daily.co/{slug}"
            if r.random() < 0.2:
                cols["room"].append((f"{room}?t={v.jwt(r)}", _one("jwt")))
            else:
                cols["room"].append((room, NONE))
            if r.random() < 0.08:
                text = f"can't log in, my password is {v.unsought_password(r)}"
                cols["reason"].append((text, _one("credential_phrase")))
            else:
                cols["reason"].append((r.choice(reasons), NONE))
            cols["pharmacy"].append((f"PH-{v.pick(r, 'CV', 'AD', 'SB')}-{r.randrange(1000, 9999)}", NONE))
            cols["sip"].append((f"sip:{r.randrange(100000, 999999)}@meet.clinic.ad;transport=tls", NONE))
            ip = v.ipv4(r) if r.random() < 0.7 else v.ipv6(r)
            cols["client_ip"].append((ip, _one("ipv6" if ":" in ip else "ipv4")))
            if r.random() < 0.3:
                url = (
                    "https://telehealthrec.blob.core.windows.net/visits/"
                    f"{v.rand(r, v.HEX, 12)}.mp4?sv=2025-01-05&sr=b&sp=r&se=2026-02-01T00:00:00Z"
                    f"&sig={v.azure_sas_sig(r)}"
                )
                cols["t"].append((url, _one("azure_sas_token")))
            else:
                cols["t"].append(("", NONE))
        table = CorpusTable("telehealth_visits")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def ride_trips(self) -> CorpusTable:
        """A ride-hailing trip table: the trip id, the rider's masked or full phone, the driver's id, pickup and
        drop-off as coordinates and H3 cells, the fare, the payment (JSON with a card token and last four, or now and
        then a full card a rider typed into the payment field), the vehicle plate, the rider's note (now and then a
        phone number) and ``x`` (the driver app's session JWT, or empty)."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = (
            "trip_id",
            "rider_phone",
            "driver_id",
            "pickup",
            "dropoff",
            "h3",
            "fare",
            "payment",
            "plate",
            "note",
            "x",
        )
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = (
            "ring twice at the blue gate",
            "Tanpri rele m lè w rive",
            "Waea mai ina tae mai koe",
            "luggage for two",
            "",
        )
        for _ in range(ROWS):
            cols["trip_id"].append((f"trp_{v.rand(r, v.HEX, 24)}", NONE))
            if r.random() < 0.6:
                cols["rider_phone"].append((v.unsought_phone(r, regions), _one("phone")))
            else:
                cols["rider_phone"].append(
                    (f"+{v.pick(r, '677', '676', '238')} ***{v.rand(r, string.digits, 3)}", NONE)
                )
            cols["driver_id"].append((f"drv_{r.randrange(10000, 99999)}", NONE))
            for col in ("pickup", "dropoff"):
                lat, lon = r.uniform(14.8, 15.1), r.uniform(-23.6, -23.4)
                cols[col].append((f"{lat:.6f},{lon:.6f}", NONE))
            cols["h3"].append((f"89{v.rand(r, v.HEX, 13)}", NONE))
            cols["fare"].append((f"CVE {r.randrange(150, 4000)}$00", NONE))
            if r.random() < 0.1:
                payment = {"method": "card", "entered": v.unsought_card_number(r)}
                cols["payment"].append((json.dumps(payment), _one("payment_card")))
            else:
                payment = {"method": v.pick(r, "card", "cash", "wallet"), "token": "tok_" + v.rand(r, v.ALNUM, 24),
                           "last4": v.rand(r, string.digits, 4)}  # fmt: skip
                cols["payment"].append((json.dumps(payment), NONE))
            cols["plate"].append((f"ST-{r.randrange(10, 99)}-{v.rand(r, string.ascii_uppercase, 2)}", NONE))
            if r.random() < 0.1:
                cols["note"].append((f"call me on {v.unsought_phone(r, regions)}", _one("phone")))
            else:
                cols["note"].append((r.choice(notes), NONE))
            if r.random() < 0.4:
                cols["x"].append((v.jwt(r), _one("jwt")))
            else:
                cols["x"].append(("", NONE))
        table = CorpusTable("ride_trips")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    # ------------------------------------------------------------------------ unclaimed shapes and tables

    def _unclaimed_vendor(self, names: tuple[str, str]) -> tuple[dict[str, str], str]:
        """A request's headers with a vendor's key and the key's label: the shared vendors, fal.ai's ``Key`` scheme and
        Black Forest Labs' ``x-key`` (generic secrets), Cloudflare AI Gateway, Mercado Pago and Axiom tokens as
        bearers (no detector of their own) and Lemon Squeezy's and App Store Connect's JWTs."""
        r = self.r
        gen, label, header, scheme = r.choice(_UNCLAIMED_VENDORS)
        return {header: scheme + gen(r), names[1]: "application/json"}, label

    def _unclaimed_dump(self, head: dict[str, str]) -> str:
        """The gateway's request as one of six tools prints it: ``wget --debug`` (``---request begin---``), a
        PowerShell transcript of ``$headers | Format-List`` and ``Invoke-RestMethod -Verbose``, k6's
        ``--http-debug`` (Go's canonical names, sorted), requests-toolbelt's ``dump_all`` (``< `` lines), Mojolicious'
        ``MOJO_CLIENT_DEBUG`` (``-- Client >>> Server``) or httr2's ``req_dry_run()``, which prints ``<REDACTED>`` for
        the authorization header and, when the script asked for it, for the vendor's key header too
        (``self._dump_masked`` says whether the key was hidden)."""
        r = self.r
        self._dump_masked = False
        lower = {k.lower(): val for k, val in head.items()}
        host, path = _unclaimed_endpoint(lower)
        title = {k: "-".join(p.capitalize() for p in k.split("-")) for k in lower}
        length = r.randrange(120, 4000)
        shape = r.randrange(6)
        if shape == 0:
            lines = ["", "---request begin---", f"POST {path} HTTP/1.1", "User-Agent: Wget/1.21.4", "Accept: */*"]
            lines += ["Accept-Encoding: identity", f"Host: {host}", "Connection: Keep-Alive"]
            lines += [f"{title[k]}: {val}" for k, val in lower.items()]
            lines += [f"Content-Length: {length}", "", "---request end---", "HTTP request sent, awaiting response... "]
            return "\n".join(lines)
        if shape == 1:
            lines = ["PS /home/payroll> $headers | Format-List", ""]
            for k, val in lower.items():
                lines += [f"Name  : {title[k]}", f"Key   : {title[k]}", f"Value : {val}", ""]
            lines += [
                f"PS /home/payroll> Invoke-RestMethod -Method Post -Uri https://{host}{path} -Headers $headers "
                "-Body $body -Verbose",
                f"VERBOSE: HTTP/1.1 POST with {length}-byte payload",
            ]
            return "\n".join(lines)
        if shape == 2:
            lines = [
                f"INFO[{r.randrange(0, 60):04d}] Request:",
                f"POST {path} HTTP/1.1",
                f"Host: {host}",
                "User-Agent: k6/0.55.0 (https://k6.io/)",
                f"Content-Length: {length}",
            ]
            lines += sorted(f"{title[k]}: {val}" for k, val in lower.items())
            lines += [
                "Accept-Encoding: gzip",
                "",
                f"  group= iter={r.randrange(0, 500)} request_id={v.unclaimed_uuid(r)} scenario=default "
                f"source=http-debug vu={r.randrange(1, 20)}",
            ]
            return "\n".join(lines)
        if shape == 3:
            lines = [f"< POST {path} HTTP/1.1", f"< Host: {host}", "< User-Agent: python-requests/2.32.3"]
            lines += ["< Accept-Encoding: gzip, deflate", "< Accept: */*", "< Connection: keep-alive"]
            lines += [f"< {title[k]}: {val}" for k, val in lower.items()]
            lines += [f"< Content-Length: {length}", "< ", f"> HTTP/1.1 {r.choice((200, 401, 429))}"]
            lines += [
                "> Content-Type: application/json",
                f"> Date: Wed, {r.randrange(10, 28)} Jan 2026 {contexts._uc_clock(r)} GMT",
            ]
            return "\n".join(lines)
        if shape == 4:
            url = f"https://{host}{path}"
            lines = [
                f"-- Blocking request ({url})",
                f"-- Connect {v.rand(r, v.HEX, 32)} (https://{host}:443)",
                f"-- Client >>> Server ({url})",
                f"POST {path} HTTP/1.1",
            ]
            lines += [f"{title[k]}: {val}" for k, val in lower.items()]
            lines += ["User-Agent: Mojolicious (Perl)", "Accept-Encoding: gzip", f"Content-Length: {length}"]
            lines += [f"Host: {host}", ""]
            return "\n".join(lines)
        redacted = {"authorization"}
        if r.random() < 0.5:  # the script passed ``.redact`` for the vendor's own header too
            redacted |= {"x-api-key", "x-key", "cf-aig-authorization"}
        secret_headers = {"authorization", "x-api-key", "x-key", "cf-aig-authorization"}
        self._dump_masked = bool(secret_headers & set(lower)) and (secret_headers & set(lower)) <= redacted
        shown = [f"{k}: {'<REDACTED>' if k in redacted else val}" for k, val in lower.items()]
        shown += ["accept: */*", "accept-encoding: deflate, gzip", f"content-length: {length}", f"host: {host}"]
        shown += ["user-agent: httr2/1.1.0 r-curl/6.1.0 libcurl/8.11.1"]
        return "\n".join([f"POST {path} HTTP/1.1", *sorted(shown), ""])

    def _unclaimed_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object] | str, str, str]:
        """A request body and its reply with what each holds: an Anthropic Message Batches request (role messages in
        its ``params``) and the batch's result line (the assistant's message), Amazon Q Business' ``ChatSync`` (a bare
        ``userMessage`` in, a ``systemMessage`` back), watsonx Assistant's v2 ``message`` (a text input in, ``generic``
        responses back), Voiceflow's Dialog Manager ``interact`` (a text action in, a list of traces back), Bedrock
        Knowledge Bases' ``RetrieveAndGenerate`` (a text input in, the generated text and citations back) or a RunPod
        serverless vLLM worker fed a prompt in Functionary or YaYi markup (the tokens back)."""
        r = self.r
        self._reply_echoes = False
        system = chat.SYSTEM_PROMPTS[lang]
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        shape = r.randrange(6)
        body: dict[str, object]
        reply: dict[str, object]
        if shape == 0:
            custom = f"{v.pick(r, 'rsv', 'rx', 'pay')}-{r.randrange(10**5, 10**6)}"
            model = v.pick(r, "claude-3-5-haiku-20241022", "claude-sonnet-4-20250514")
            body = {
                "requests": [
                    {
                        "custom_id": custom,
                        "params": {
                            "model": model,
                            "max_tokens": 1024,
                            "system": system,
                            "messages": [{"role": "user", "content": user}],
                        },
                    }
                ]
            }
            reply = {
                "custom_id": custom,
                "result": {
                    "type": "succeeded",
                    "message": {
                        "id": "msg_01" + v.rand(r, v.ALNUM, 22),
                        "type": "message",
                        "role": "assistant",
                        "model": model,
                        "content": [{"type": "text", "text": answer}],
                        "stop_reason": "end_turn",
                        "usage": {"input_tokens": tokens_in, "output_tokens": tokens_out},
                    },
                },
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 1:
            conversation = v.unclaimed_uuid(r)
            body = {
                "userMessage": user,
                "conversationId": conversation,
                "parentMessageId": v.unclaimed_uuid(r),
                "clientToken": v.unclaimed_uuid(r),
                "chatMode": "RETRIEVAL_MODE",
            }
            reply = {
                "conversationId": conversation,
                "systemMessage": answer,
                "systemMessageId": v.unclaimed_uuid(r),
                "userMessageId": v.unclaimed_uuid(r),
                "sourceAttributions": [
                    {"title": v.pick(r, "Front desk SOP", "Payroll FAQ", "Formulary 2026"), "citationNumber": 1}
                ],
                "failedAttachments": [],
            }
            return body, reply, "", ""
        if shape == 2:
            body = {
                "input": {"message_type": "text", "text": user, "options": {"return_context": False}},
                "user_id": f"guest-{r.randrange(10**5, 10**6)}",
            }
            reply = {
                "output": {
                    "intents": [{"intent": v.pick(r, "late_checkout", "refill_status", "payslip"), "confidence": 0.91}],
                    "entities": [],
                    "generic": [{"response_type": "text", "text": answer}],
                },
                "user_id": body["user_id"],
            }
            return body, reply, "", ""
        if shape == 3:
            body = {"action": {"type": "text", "payload": user}, "config": {"tts": False, "stripSSML": True}}
            traces = [
                {"type": "text", "payload": {"slate": {"id": v.rand(r, v.ALNUM, 10)}, "message": answer}},
                {"type": "end", "payload": None},
            ]
            return body, json.dumps(traces, ensure_ascii=False), "", ""
        if shape == 4:
            region = v.pick(r, "us-east-1", "eu-west-1")
            kb = v.rand(r, string.ascii_uppercase + string.digits, 10)
            body = {
                "input": {"text": user},
                "retrieveAndGenerateConfiguration": {
                    "type": "KNOWLEDGE_BASE",
                    "knowledgeBaseConfiguration": {
                        "knowledgeBaseId": kb,
                        "modelArn": f"arn:aws:bedrock:{region}::foundation-model/amazon.nova-pro-v1:0",
                    },
                },
            }
            reply = {
                "output": {"text": answer},
                "citations": [
                    {
                        "retrievedReferences": [
                            {
                                "content": {"text": v.pick(r, "Check-in from 3 pm.", "Refills need 48 hours.")},
                                "location": {"type": "S3", "s3Location": {"uri": f"s3://kb-{kb.lower()}/policies.pdf"}},
                            }
                        ]
                    }
                ],
                "sessionId": v.unclaimed_uuid(r),
            }
            return body, reply, "", ""
        body = {
            "input": {
                "prompt": _unclaimed_markup(r.choice((0, 3)), system, user, ""),
                "sampling_params": {"max_tokens": 512, "temperature": 0.7},
            }
        }
        reply = {
            "delayTime": r.randrange(50, 4000),
            "executionTime": r.randrange(300, 9000),
            "id": f"sync-{v.unclaimed_uuid(r)}-u1",
            "output": [{"choices": [{"tokens": [answer]}], "usage": {"input": tokens_in, "output": tokens_out}}],
            "status": "COMPLETED",
        }
        return body, reply, "chat_template", ""

    def _unclaimed_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then two turns per language in which
        the user pastes a password (a credential phrase), a key (its vendor's finding), a card number, an IBAN or a
        phone number, with an answer that does not repeat it; in a turn of that language when the conversation has
        one."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unclaimed_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        kinds = ("password", "key", "card", "iban", "phone")
        regions = PHONE_REGIONS[self.split]
        for k, lang in enumerate(chat.UNCLAIMED_LANGUAGES):
            for kind in (kinds[(2 * k + 1) % 5], kinds[(2 * k + 3) % 5]):
                free = [i for i in range(5, ROWS // 2) if i not in used]
                turn = next((i for i in free if exchanges[i][0] == lang), free[0])
                used.add(turn)
                prompt, answer = chat.UNCLAIMED_SECRET_TURNS[lang][kind]
                if kind == "password":
                    text, label = prompt.format(password=v.unclaimed_password(r)), "credential_phrase"
                elif kind == "key":
                    gen, label = r.choice(UNCLAIMED_PASTED_KEYS)
                    text = prompt.format(key=gen(r))
                elif kind == "card":
                    text, label = prompt.format(card=v.unclaimed_card(r)), "payment_card"
                elif kind == "iban":
                    text, label = prompt.format(iban=v.unclaimed_iban(r)), "iban"
                else:
                    text, label = prompt.format(phone=v.unclaimed_phone(r, regions)), "phone"
                contents[2 * turn] = (text, _one(label))
                contents[2 * turn + 1] = (answer, NONE)

    def _unclaimed_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as chat front-ends and help desks export it: an LM Studio conversation file (message
        ``versions`` with ``singleStep`` and ``multiStep`` turns), a Goose session (a metadata line, then one JSON line
        per message), Freshchat's conversation messages (``actor_type`` user or agent, ``message_parts``), Front's
        conversation messages (``is_inbound``), Rocket.Chat's livechat history (``msg`` with the sender under ``u``)
        or Microsoft Graph's Teams chat messages (``from.user`` or ``from.application``)."""
        r = self.r
        system = chat.SYSTEM_PROMPTS[lang]
        when = self._unclaimed_when(iso=True)
        doc: object
        if shape == 0:
            doc = {
                "name": ex[0][:40],
                "createdAt": contexts._epoch(r) * 1000,
                "systemPrompt": system,
                "messages": [
                    {
                        "versions": [
                            {"type": "singleStep", "role": "user", "content": [{"type": "text", "text": ex[0]}]}
                        ],
                        "currentlySelected": 0,
                    },
                    {
                        "versions": [
                            {
                                "type": "multiStep",
                                "role": "assistant",
                                "steps": [{"type": "contentBlock", "content": [{"type": "text", "text": ex[1]}]}],
                            }
                        ],
                        "currentlySelected": 0,
                    },
                ],
            }
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 1:
            meta = {
                "working_dir": "/home/frontdesk",
                "description": ex[0][:30],
                "message_count": 2,
                "total_tokens": None,
            }
            turns = [
                {
                    "role": role,
                    "created": contexts._epoch(r),
                    "content": [{"type": "text", "text": text}],
                }
                for role, text in (("user", ex[0]), ("assistant", ex[1]))
            ]
            return "\n".join(json.dumps(line, ensure_ascii=False) for line in (meta, *turns))
        if shape == 2:
            conversation = v.unclaimed_uuid(r)
            doc = {
                "messages": [
                    {
                        "message_parts": [{"text": {"content": text}}],
                        "actor_type": actor,
                        "actor_id": v.unclaimed_uuid(r),
                        "conversation_id": conversation,
                        "message_type": "normal",
                        "created_time": when,
                    }
                    for actor, text in (("user", ex[0]), ("agent", ex[1]))
                ],
                "link": {},
            }
            return json.dumps(doc, ensure_ascii=False)
        if shape == 3:
            doc = {
                "_results": [
                    {
                        "id": "msg_" + v.rand(r, "0123456789abcdefghijklmnopqrstuvwxyz", 8),
                        "type": "custom",
                        "is_inbound": inbound,
                        "author": None if inbound else {"username": "frontdesk", "is_admin": False},
                        "text": text,
                        "created_at": contexts._epoch(r) + round(r.random(), 3),
                    }
                    for inbound, text in ((True, ex[0]), (False, ex[1]))
                ]
            }
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 4:
            room = v.rand(r, string.ascii_letters + string.digits, 17)
            doc = {
                "messages": [
                    {
                        "_id": v.rand(r, string.ascii_letters + string.digits, 17),
                        "rid": room,
                        "msg": text,
                        "ts": {"$date": when},
                        "u": sender,
                    }
                    for text, sender in (
                        (ex[0], {"_id": v.rand(r, string.ascii_letters + string.digits, 17), "username": "guest-4821"}),
                        (ex[1], {"_id": "concierge.bot", "username": "concierge.bot", "name": "Concierge"}),
                    )
                ],
                "success": True,
            }
            return json.dumps(doc, ensure_ascii=False)
        doc = {
            "value": [
                {
                    "id": str(contexts._epoch(r) * 1000),
                    "messageType": "message",
                    "createdDateTime": when,
                    "from": {
                        "user": {"id": v.unclaimed_uuid(r), "displayName": "Guest", "userIdentityType": "aadUser"}
                    },
                    "body": {"contentType": "text", "content": ex[0]},
                },
                {
                    "id": str(contexts._epoch(r) * 1000),
                    "messageType": "message",
                    "createdDateTime": when,
                    "from": {
                        "application": {
                            "id": v.unclaimed_uuid(r),
                            "displayName": "Concierge",
                            "applicationIdentityType": "bot",
                        }
                    },
                    "body": {"contentType": "html", "content": f"<p>{html.escape(ex[1])}</p>"},
                },
            ]
        }
        return json.dumps(doc, ensure_ascii=r.random() < 0.5)

    def _unclaimed_when(self, iso: bool = False) -> str:
        """A time in one of the shapes this split's systems print (none a finding): ISO 8601 with the Eastern
        Caribbean's, Palau's or the Marshall Islands' offset, a ``Z`` time with milliseconds (the only shape when
        ``iso``: what JSON APIs return), RFC 1123, epoch seconds or a ``DD/MM/YYYY`` date as a front desk types it."""
        r = self.r
        day, clock = r.randrange(10, 28), contexts._uc_clock(r)
        shape = 1 if iso else r.randrange(5)
        if shape == 0:
            return f"2026-01-{day}T{clock}{v.pick(r, '-04:00', '+09:00', '+12:00')}"
        if shape == 1:
            return f"2026-01-{day}T{clock}.{r.randrange(0, 1000):03d}Z"
        if shape == 2:
            return f"{v.pick(r, 'Mon', 'Tue', 'Wed', 'Thu', 'Fri')}, {day} Jan 2026 {clock} GMT"
        if shape == 3:
            return str(contexts._epoch(r))
        return f"{day}/01/2026"

    def payroll_run(self) -> CorpusTable:
        """A payroll run: the run id, the employee number, the employee's e-mail, the period, the gross pay, the bank
        account (an IBAN of Saint Lucia, the Virgin Islands or a country of the split, masked, or a cheque), the
        mobile wallet (a phone number or empty), the payslip note (now and then the payslip PDF's password), the pay
        provider's webhook signature (an HMAC, no secret), the batch's ISO 11649 creditor reference and the approver
        (an e-mail or the HR bot)."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("run_id", "employee_no", "email", "period", "gross", "bank_account", "wallet", "note", "signature",
                 "batch_ref", "approved_by")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = (
            "overtime 6.5 h at 1.5x",
            "NIS deduction adjusted after the December correction",
            "carnival holiday paid at double rate",
            "Pe bilong dispela wik i go long bank olsem",
            "Dagpengar goldnir aftur í januar",
            "",
        )
        run = f"PR-2026-01-{v.pick(r, 'A', 'B')}"
        for _ in range(ROWS):
            cols["run_id"].append((run, NONE))
            cols["employee_no"].append((f"E-{r.randrange(1000, 99999):05d}", NONE))
            cols["email"].append((v.unclaimed_email(r), _one("email")))
            half = v.pick(r, "01..15", "16..31")
            cols["period"].append((f"2026-01-{half[:2]}..2026-01-{half[-2:]}", NONE))
            cols["gross"].append((f"XCD {r.randrange(1200, 14000):,}.{r.randrange(0, 100):02d}", NONE))
            roll = r.random()
            if roll < 0.6:
                iban = v.unclaimed_iban(r, country=v.pick(r, "LC", "LC", "VG", "DE", "CZ"))
                cols["bank_account"].append((iban, _one("iban")))
            elif roll < 0.85:
                cols["bank_account"].append((f"LC** **** **** **** **** **** {v.rand(r, string.digits, 4)}", NONE))
            else:
                cols["bank_account"].append(("cheque", NONE))
            if r.random() < 0.4:
                cols["wallet"].append((v.unclaimed_phone(r, regions), _one("phone")))
            else:
                cols["wallet"].append(("", NONE))
            if r.random() < 0.08:
                text = f"Payslip PDF password for this run: {v.unclaimed_password(r)}"
                cols["note"].append((text, _one("credential_phrase")))
            else:
                cols["note"].append((r.choice(notes), NONE))
            cols["signature"].append((f"t={contexts._epoch(r)},v1={v.rand(r, v.HEX, 64)}", NONE))
            ref = v.rand(r, string.digits, 12)
            cols["batch_ref"].append((f"RF{v.iban_check_digits('RF', ref):02d}{ref}", NONE))
            if r.random() < 0.5:
                cols["approved_by"].append((v.unclaimed_email(r), _one("email")))
            else:
                cols["approved_by"].append(("hr-bot", NONE))
        table = CorpusTable("payroll_run")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def pharmacy_dispensing(self) -> CorpusTable:
        """A pharmacy's dispensing log: the Rx number (seven digits, no phone of the regions), the time, the patient's
        contact (a phone number or a masked one), the drug, the pack's GTIN, the prescriber's registration, the co-pay
        (JSON with a card's last four, cash, or now and then a full card typed at the counter), the card reader's record
        (now and then a magnetic stripe's track 2, else a masked PAN or nothing), the pharmacist's note (now and then a
        phone number to call) and the patient's portal message (now and then a password pasted into it)."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("rx_no", "dispensed_at", "patient_contact", "drug", "gtin", "prescriber", "copay", "reader",
                 "counsel_note", "portal_msg")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        drugs = (
            "Amlodipine 5 mg tab x30",
            "Metformin 500 mg tab x60",
            "Salbutamol 100 mcg inhaler",
            "Amoxicillin 500 mg cap x21",
            "Losartan 50 mg tab x30",
        )
        counsel = (
            "take with food, avoid grapefruit",
            "Tsaya pilisi e le nngwe ka letsatsi",
            "Takið eina pillu um dagin",
            "ڏينهن ۾ هڪ گولي کاڌي کان پوءِ",
            "Kisim wanpela pil long moning",
            "",
        )
        portal = (
            "Can I pick it up on Saturday?",
            "Is the generic the same as last month's?",
            "Ke tla tla go e tsaya kamoso",
            "",
        )
        for _ in range(ROWS):
            cols["rx_no"].append((f"RX-{v.no_phone_digits(r, 7, regions)}", NONE))
            cols["dispensed_at"].append((self._unclaimed_when(), NONE))
            if r.random() < 0.7:
                cols["patient_contact"].append((v.unclaimed_phone(r, regions), _one("phone")))
            else:
                cols["patient_contact"].append((f"+1 758 ***-**{v.rand(r, string.digits, 2)}", NONE))
            cols["drug"].append((r.choice(drugs), NONE))
            cols["gtin"].append((v.unclaimed_gtin(r, regions), NONE))
            cols["prescriber"].append((f"reg. {v.pick(r, 'LCMC', 'GMDC', 'DMC')}-{r.randrange(100, 9999)}", NONE))
            roll = r.random()
            if roll < 0.1:
                copay = {"method": "card", "entered": v.unclaimed_card_number(r)}
                cols["copay"].append((json.dumps(copay), _one("payment_card")))
            elif roll < 0.7:
                brand, last4 = v.pick(r, "visa", "mastercard", "amex"), v.rand(r, string.digits, 4)
                copay = {"method": "card", "brand": brand, "last4": last4, "auth": v.rand(r, v.UPPER, 6)}
                cols["copay"].append((json.dumps(copay), NONE))
            else:
                cols["copay"].append((json.dumps({"method": "cash", "amount": f"{r.randrange(5, 80)}.00"}), NONE))
            roll = r.random()
            if roll < 0.15:
                cols["reader"].append((f"lane-1 swipe {v.unclaimed_track(r, 2)}", _one("payment_card")))
            elif roll < 0.5:
                pan = v.unclaimed_card_number(r, "visa")
                cols["reader"].append((f"chip 5A08 {pan[:4]} XXXX XXXX {pan[-4:]} 9F36 00{r.randrange(10, 99)}", NONE))
            else:
                cols["reader"].append(("", NONE))
            if r.random() < 0.1:
                text = f"patient asked us to call {v.unclaimed_phone(r, regions)} when the insulin arrives"
                cols["counsel_note"].append((text, _one("phone")))
            else:
                cols["counsel_note"].append((r.choice(counsel), NONE))
            if r.random() < 0.08:
                text = f"I can't log in to the refill portal, my password is {v.unclaimed_password(r)}"
                cols["portal_msg"].append((text, _one("credential_phrase")))
            else:
                cols["portal_msg"].append((r.choice(portal), NONE))
        table = CorpusTable("pharmacy_dispensing")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def hotel_reservations(self) -> CorpusTable:
        """A hotel's reservations: the confirmation (an OTA's ten-digit number that is no phone, or the hotel's own
        code), the guest's e-mail (their own or the OTA's relay alias, both e-mails), the guest's phone (full or
        masked), arrival, nights, room and rate, the guarantee (JSON with an OTA's virtual card, a token and last four,
        or a deposit), the OTA message's payment element (a full card, a masked one or none), the folio number (16
        digits that fail Luhn), the guest's requests in the split's languages (now and then a phone number) and
        ``cm_url`` (the channel manager's endpoint, now and then with credentials in it)."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("confirmation", "guest_email", "guest_phone", "arrival", "nights", "room", "rate", "guarantee",
                 "ota_payment", "folio", "requests", "cm_url")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        requests = (
            "late arrival, around 23:00",
            "Vit vilja hava eitt kamar við útsýni yvir havið",
            "Re tla goroga bosigo thata",
            "مهرباني ڪري پرسڪون ڪمرو",
            "ང་བཅས་ནུབ་མོ་འཆི་དྲོ་ལྷོད་འོང་།",
            "Mipela i laik tupela bet",
            "",
        )
        for _ in range(ROWS):
            if r.random() < 0.5:
                cols["confirmation"].append((v.no_phone_digits(r, 10, regions), NONE))
            else:
                cols["confirmation"].append((v.rand(r, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6), NONE))
            if r.random() < 0.7:
                cols["guest_email"].append((v.unclaimed_email(r), _one("email")))
            else:
                alias = f"{v.rand(r, string.ascii_lowercase, 6)}.{r.randrange(100000, 999999)}@guest.booking.com"
                cols["guest_email"].append((alias, _one("email")))
            if r.random() < 0.6:
                cols["guest_phone"].append((v.unclaimed_phone(r, regions), _one("phone")))
            else:
                cols["guest_phone"].append(
                    (f"+{v.pick(r, '1 758', '1 473', '680')} *** {v.rand(r, string.digits, 2)}", NONE)
                )
            cols["arrival"].append((f"2026-0{r.randrange(2, 6)}-{r.randrange(10, 28)}", NONE))
            cols["nights"].append((str(r.randrange(1, 14)), NONE))
            cols["room"].append((v.pick(r, "DLX-OV", "STD-GV", "STE-PL", "VIL-2BR"), NONE))
            cols["rate"].append((f"XCD {r.randrange(300, 2500)}.00", NONE))
            roll = r.random()
            if roll < 0.35:
                guarantee = {"type": "VCC", "issuer": v.pick(r, "expedia", "booking.com"),
                             "card": v.unclaimed_card(r, v.pick(r, "mastercard", "visa")), "exp": "03/27"}  # fmt: skip
                cols["guarantee"].append((json.dumps(guarantee, ensure_ascii=False), _one("payment_card")))
            elif roll < 0.8:
                guarantee = {
                    "type": "token",
                    "token": "tok_" + v.rand(r, v.ALNUM, 24),
                    "last4": v.rand(r, string.digits, 4),
                }
                cols["guarantee"].append((json.dumps(guarantee), NONE))
            else:
                guarantee = {"type": "deposit", "amount": f"{r.randrange(100, 900)}.00", "currency": "XCD"}
                cols["guarantee"].append((json.dumps(guarantee), NONE))
            roll = r.random()
            if roll < 0.25:
                number = v.unclaimed_card_number(r, v.pick(r, "visa", "mastercard", "amex"))
                code = {"4": "VI", "2": "MC", "5": "MC", "3": "AX"}[number[0]]
                expiry = f"{r.randrange(1, 13):02d}{r.randrange(26, 31)}"
                xml = f'<PaymentCard CardCode="{code}" CardNumber="{number}" ExpireDate="{expiry}"/>'
                cols["ota_payment"].append((xml, _one("payment_card")))
            elif roll < 0.6:
                masked = "X" * 12 + v.rand(r, string.digits, 4)
                xml = f'<PaymentCard CardCode="VI" CardNumber="{masked}" ExpireDate="1127"/>'
                cols["ota_payment"].append((xml, NONE))
            else:
                cols["ota_payment"].append(('<Guarantee GuaranteeCode="GT" GuaranteeType="Deposit"/>', NONE))
            cols["folio"].append((v.unclaimed_folio(r), NONE))
            if r.random() < 0.1:
                text = f"arriving on the late ferry, please call {v.unclaimed_phone(r, regions)}"
                cols["requests"].append((text, _one("phone")))
            else:
                cols["requests"].append((r.choice(requests), NONE))
            if r.random() < 0.2:
                url = f"https://pitons:{urllib.parse.quote(v.unclaimed_password(r), safe='')}@cm.pitons.lc/ota/notify"
                cols["cm_url"].append((url, _one("url_credentials")))
            else:
                cols["cm_url"].append(("https://cm.pitons.lc/ota/notify", NONE))
        table = CorpusTable("hotel_reservations")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    # ------------------------------------------------------------------------ unheralded shapes and tables

    def _unheralded_vendor(self, names: tuple[str, str]) -> tuple[dict[str, str], str]:
        """A request's headers with a vendor's key and the key's label: the shared vendors, Meta's Llama API keys as
        bearers (no detector of their own), OVHcloud AI Endpoints' and Amazon Cognito's JWTs, a Gemini API key in
        ``x-goog-api-key`` and an AWS SigV4 ``Authorization`` naming its access key id (Amazon Lex V1, Bedrock
        Flows)."""
        r = self.r
        gen, label, header, scheme = r.choice(_UNHERALDED_VENDORS)
        return {header: scheme + gen(r), names[1]: "application/json"}, label

    def _unheralded_dump(self, head: dict[str, str]) -> str:
        """The gateway's request as one of seven tools prints it: Postman's console (``Request Headers``), Fiddler's raw
        request view (the absolute URL in the request line, CRLF), tshark's HTTP layer (``\\r\\n`` printed literally,
        ``[Full request URI: ...]``), .NET's ``HttpRequestMessage.ToString()``, an ``AxiosError`` as ``util.inspect``
        prints it, the same error logged by pino (``authorization`` always ``[Redacted]``, the vendor's key header
        too when the service's redact paths list it; ``self._dump_masked`` says whether the key was hidden) or Go's
        ``%+v`` of an ``*http.Request`` (canonical names, the header map sorted)."""
        r = self.r
        self._dump_masked = False
        lower = {k.lower(): val for k, val in head.items()}
        host, path = _unheralded_endpoint(lower)
        title = {k: "-".join(p.capitalize() for p in k.split("-")) for k in lower}
        length = r.randrange(120, 4000)
        shape = r.randrange(7)
        if shape == 0:
            lines = [f"POST https://{host}{path}", str(r.choice((200, 200, 401, 429))), f"{r.randrange(80, 4000)} ms"]
            lines += ["Request Headers"] + [f"  {title[k]}: {val}" for k, val in lower.items()]
            lines += ["  User-Agent: PostmanRuntime/7.43.0", "  Accept: */*", "  Cache-Control: no-cache"]
            lines += [f"  Postman-Token: {v.unheralded_uuid(r)}", f"  Host: {host}"]
            lines += ["  Accept-Encoding: gzip, deflate, br", "  Connection: keep-alive", f"  Content-Length: {length}"]
            return "\n".join(lines)
        if shape == 1:
            lines = [f"POST https://{host}{path} HTTP/1.1", f"Host: {host}"]
            lines += [f"{title[k]}: {val}" for k, val in lower.items()]
            lines += ["User-Agent: dispatch-client/3.2 (+fiddler)", f"Content-Length: {length}", "", ""]
            return "\r\n".join(lines)
        if shape == 2:
            lines = [
                "Hypertext Transfer Protocol",
                f"    POST {path} HTTP/1.1\\r\\n",
                f"        [Expert Info (Chat/Sequence): POST {path} HTTP/1.1\\r\\n]",
                "        Request Method: POST",
                f"        Request URI: {path}",
                "        Request Version: HTTP/1.1",
                f"    Host: {host}\\r\\n",
            ]
            lines += [f"    {title[k]}: {val}\\r\\n" for k, val in lower.items()]
            lines += [
                f"    Content-Length: {length}\\r\\n",
                f"        [Content length: {length}]",
                "    \\r\\n",
                f"    [Full request URI: https://{host}{path}]",
                f"    [HTTP request 1/{r.randrange(1, 4)}]",
                f"    File Data: {length} bytes",
            ]
            return "\n".join(lines)
        if shape == 3:
            shown = {**{title[k]: val for k, val in lower.items()}}
            shown["Content-Type"] = "application/json; charset=utf-8"
            shown["traceparent"] = f"00-{v.rand(r, v.HEX, 32)}-{v.rand(r, v.HEX, 16)}-01"
            lines = [
                f"Method: POST, RequestUri: 'https://{host}{path}', Version: 1.1, "
                "Content: System.Net.Http.StringContent,"
                " Headers:",
                "{",
            ]
            lines += [f"  {k}: {val}" for k, val in shown.items()] + [f"  Content-Length: {length}", "}"]
            return "\n".join(lines)
        if shape == 4:
            shown = {"Accept": "application/json, text/plain, */*"}
            shown |= {("Content-Type" if k == "content-type" else title[k] if k == "authorization" else k): val
                      for k, val in lower.items()}  # fmt: skip
            shown |= {"User-Agent": "axios/1.7.9", "Content-Length": str(length)}
            shown["Accept-Encoding"] = "gzip, compress, deflate, br"
            entries = [f"      {_node_key(k)}: {_node_string(val)}" for k, val in shown.items()]
            status = r.choice((401, 403, 429, 500))
            lines = [
                f"AxiosError: Request failed with status code {status}",
                "    at settle (/srv/dispatch/node_modules/axios/dist/node/axios.cjs:2019:12)",
                "    at IncomingMessage.handleStreamEnd (/srv/dispatch/node_modules/axios/dist/node/axios.cjs:3135:11)",
                "    at Axios.request (/srv/dispatch/node_modules/axios/dist/node/axios.cjs:4287:41) {",
                f"  code: '{'ERR_BAD_RESPONSE' if status == 500 else 'ERR_BAD_REQUEST'}',",
                "  config: {",
                "    timeout: 30000,",
                "    headers: Object [AxiosHeaders] {",
                ",\n".join(entries),
                "    },",
                "    method: 'post',",
                f"    url: 'https://{host}{path}',",
                "    data: '[Circular]'",
                "  },",
                f"  status: {status}",
                "}",
            ]
            return "\n".join(lines)
        if shape == 5:
            redacted = {"authorization"}
            if r.random() < 0.5:  # the service's redact paths list the vendor's own key header too
                redacted |= {"x-api-key", "x-goog-api-key"}
            secret_headers = {"authorization", "x-api-key", "x-goog-api-key"}
            self._dump_masked = bool(secret_headers & set(lower)) and (secret_headers & set(lower)) <= redacted
            shown = {"Accept": "application/json, text/plain, */*"}
            shown |= {("Content-Type" if k == "content-type" else title[k] if k == "authorization" else k): (
                "[Redacted]" if k in redacted else val) for k, val in lower.items()}  # fmt: skip
            shown |= {"User-Agent": "axios/1.7.9", "Content-Length": str(length)}
            record = {
                "level": 50,
                "time": contexts._epoch(r) * 1000 + r.randrange(0, 1000),
                "pid": r.randrange(7, 90),
                "hostname": v.pick(r, "dispatch-api-7c9f5", "vet-frontdesk-0"),
                "err": {
                    "type": "AxiosError",
                    "message": f"Request failed with status code {r.choice((401, 429, 500))}",
                    "code": "ERR_BAD_REQUEST",
                    "config": {"headers": shown, "method": "post", "url": f"https://{host}{path}"},
                },
                "msg": "upstream call failed",
            }
            return json.dumps(record)
        header = {title[k] if k != "x-api-key" else "X-Api-Key": val for k, val in lower.items()}
        header["User-Agent"] = "Go-http-client/1.1"
        shown_map = " ".join(f"{k}:[{header[k]}]" for k in sorted(header))
        return (
            f"&{{Method:POST URL:https://{host}{path} Proto:HTTP/1.1 ProtoMajor:1 ProtoMinor:1 Header:map[{shown_map}] "
            f"Body:{{Reader:0xc000{v.rand(r, v.HEX, 6)}}} GetBody:0x{v.rand(r, v.HEX, 6)} ContentLength:{length} "
            f"TransferEncoding:[] Close:false Host:{host} Form:map[] PostForm:map[] MultipartForm:<nil> Trailer:map[] "
            "RemoteAddr: RequestURI: TLS:<nil> Cancel:<nil> Response:<nil> Pattern: "
            f"ctx:0xc000{v.rand(r, v.HEX, 6)} pat:<nil> matches:[] otherValues:map[]}}"
        )

    def _unheralded_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object] | str, str, str]:
        """A request body and its reply with what each holds: Meta's Llama API (role messages in, a
        ``completion_message`` back), the Gemini Live API's ``clientContent`` turn and the ``serverContent`` model turn
        (role-tagged in, bare parts back), Dialogflow ES' ``detectIntent`` (a text query in, ``queryResult`` with the
        query echoed and the fulfillment text back), Amazon Lex V1's ``PostText`` (``inputText`` in, ``message``
        back), a Bedrock Flows ``InvokeFlow`` (a document in, the output and completion events back), a Llama Stack
        agent turn (role messages in, the turn with its input messages echoed and the ``output_message`` back) or
        Triton's TensorRT-LLM ``generate`` fed a prompt in PLaMo 2 or Sailor markup (``text_output`` back)."""
        r = self.r
        self._reply_echoes = False
        system = chat.SYSTEM_PROMPTS[lang]
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        shape = r.randrange(7)
        body: dict[str, object]
        reply: dict[str, object]
        if shape == 0:
            model = v.pick(r, "Llama-4-Maverick-17B-128E-Instruct-FP8", "Llama-3.3-70B-Instruct")
            body = {
                "model": model,
                "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
                "max_completion_tokens": 1024,
                "temperature": 0.6,
            }
            reply = {
                "id": "AiEuVUdlH" + v.rand(r, v.ALNUM, 20),
                "completion_message": {
                    "role": "assistant",
                    "content": {"type": "text", "text": answer},
                    "stop_reason": "stop",
                    "tool_calls": [],
                },
                "metrics": [
                    {"metric": "num_completion_tokens", "value": tokens_out, "unit": "tokens"},
                    {"metric": "num_prompt_tokens", "value": tokens_in, "unit": "tokens"},
                    {"metric": "num_total_tokens", "value": tokens_in + tokens_out, "unit": "tokens"},
                ],
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 1:
            body = {"clientContent": {"turns": [{"role": "user", "parts": [{"text": user}]}], "turnComplete": True}}
            reply = {
                "serverContent": {"modelTurn": {"parts": [{"text": answer}]}, "turnComplete": True},
                "usageMetadata": {"promptTokenCount": tokens_in, "responseTokenCount": tokens_out},
            }
            return body, reply, "chat_role_json", ""
        if shape == 2:
            self._reply_echoes = True
            body = {
                "queryInput": {"text": {"text": user, "languageCode": lang}},
                "queryParams": {"timeZone": v.pick(r, "Pacific/Honolulu", "Europe/Paris", "America/Cayman")},
            }
            reply = {
                "responseId": f"{v.unheralded_uuid(r)}-{v.rand(r, v.HEX, 8)}",
                "queryResult": {
                    "queryText": user,
                    "fulfillmentText": answer,
                    "intent": {
                        "name": f"projects/vet-frontdesk/agent/intents/{v.unheralded_uuid(r)}",
                        "displayName": v.pick(r, "book.appointment", "parcel.eta", "school.enrolment"),
                    },
                    "intentDetectionConfidence": round(r.uniform(0.5, 1), 2),
                    "languageCode": lang,
                },
            }
            return body, reply, "", ""
        if shape == 3:
            body = {"inputText": user, "sessionAttributes": {"clinic": v.pick(r, "kona", "hilo", "george-town")}}
            reply = {
                "intentName": v.pick(r, "BookAppointment", "RefillReminder", "TrackParcel"),
                "slots": {"PetName": None},
                "message": answer,
                "messageFormat": "PlainText",
                "dialogState": v.pick(r, "ElicitSlot", "Fulfilled"),
                "sessionId": f"2026-01-{r.randrange(10, 28)}T{contexts._uhd_clock(r)}.{r.randrange(100, 999)}Z-"
                f"{v.rand(r, string.ascii_letters, 8)}",
            }
            return body, reply, "", ""
        if shape == 4:
            body = {
                "inputs": [{"content": {"document": user}, "nodeName": "FlowInputNode", "nodeOutputName": "document"}],
                "enableTrace": False,
            }
            events = [
                {
                    "flowOutputEvent": {
                        "content": {"document": answer},
                        "nodeName": "FlowOutputNode",
                        "nodeType": "Output",
                    }
                },
                {"flowCompletionEvent": {"completionReason": "SUCCESS"}},
            ]
            return body, json.dumps(events, ensure_ascii=False), "", ""
        if shape == 5:
            self._reply_echoes = True
            session = v.unheralded_uuid(r)
            body = {"messages": [{"role": "user", "content": user}], "stream": False}
            reply = {
                "turn_id": v.unheralded_uuid(r),
                "session_id": session,
                "input_messages": [{"role": "user", "content": user, "context": None}],
                "steps": [{"step_type": "inference", "step_id": v.unheralded_uuid(r)}],
                "output_message": {
                    "role": "assistant",
                    "content": answer,
                    "stop_reason": "end_of_turn",
                    "tool_calls": [],
                },
                "started_at": f"2026-01-{r.randrange(10, 28)}T{contexts._uhd_clock(r)}.{r.randrange(0, 10**6):06d}",
            }
            return body, reply, "chat_role_json", "chat_role_json"
        body = {
            "text_input": _unheralded_markup(r.choice((0, 3)), system, user, ""),
            "max_tokens": 512,
            "bad_words": "",
            "stop_words": "",
        }
        reply = {
            "model_name": "ensemble",
            "model_version": "1",
            "sequence_end": False,
            "sequence_id": 0,
            "sequence_start": False,
            "text_output": answer,
        }
        return body, reply, "chat_template", ""

    def _unheralded_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then two turns per language in which
        the user pastes a password (a credential phrase), a key (its vendor's finding), a card number, an IBAN or a
        phone number, with an answer that does not repeat it; in a turn of that language when the conversation has
        one."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unheralded_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        kinds = ("password", "key", "card", "iban", "phone")
        regions = PHONE_REGIONS[self.split]
        for k, lang in enumerate(chat.UNHERALDED_LANGUAGES):
            for kind in (kinds[(2 * k) % 5], kinds[(2 * k + 2) % 5]):
                free = [i for i in range(5, ROWS // 2) if i not in used]
                turn = next((i for i in free if exchanges[i][0] == lang), free[0])
                used.add(turn)
                prompt, answer = chat.UNHERALDED_SECRET_TURNS[lang][kind]
                if kind == "password":
                    text, label = prompt.format(password=v.unheralded_password(r)), "credential_phrase"
                elif kind == "key":
                    gen, label = r.choice(UNHERALDED_PASTED_KEYS)
                    text = prompt.format(key=gen(r))
                elif kind == "card":
                    text, label = prompt.format(card=v.unheralded_card(r, sep=v.pick(r, " ", "-", ""))), "payment_card"
                elif kind == "iban":
                    text, label = prompt.format(iban=v.unheralded_iban(r)), "iban"
                else:
                    text, label = prompt.format(phone=v.unheralded_phone(r, regions)), "phone"
                contents[2 * turn] = (text, _one(label))
                contents[2 * turn + 1] = (answer, NONE)

    def _unheralded_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as chat platforms and help desks export it: LivePerson's conversation history
        (``messageRecords`` sent by the consumer or the agent), Sunshine Conversations' messages (an author of type
        ``user`` or ``business``), Discord's channel messages (the bot's reply referencing the user's message), a
        Telegram bot's ``sendMessage`` result (its text and the ``reply_to_message`` it answers), FastGPT's chat
        records (``obj`` Human or AI) or an Onyx chat session (``message_type`` user or assistant)."""
        r = self.r
        when = self._unheralded_when(iso=True)
        doc: object
        if shape == 0:
            conv = v.unheralded_uuid(r)
            start = contexts._epoch(r) * 1000
            doc = {
                "conversationHistoryRecords": [
                    {
                        "info": {"conversationId": conv, "brandId": str(r.randrange(10**7, 10**8)), "status": "CLOSE"},
                        "messageRecords": [
                            {
                                "type": "TEXT_PLAIN",
                                "messageData": {"msg": {"text": text}},
                                "messageId": f"ms::conv:{conv}::msg:{seq}",
                                "seq": seq,
                                "time": start + 4000 * seq,
                                "source": "APP",
                                "sentBy": sender,
                            }
                            for seq, (text, sender) in enumerate(((ex[0], "Consumer"), (ex[1], "Agent")))
                        ],
                    }
                ]
            }
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 1:
            doc = {
                "messages": [
                    {
                        "id": v.rand(r, v.HEX, 24),
                        "received": when,
                        "author": author,
                        "content": {"type": "text", "text": text},
                        "source": {"type": v.pick(r, "web", "messenger")},
                    }
                    for text, author in (
                        (ex[0], {"type": "user", "userId": v.rand(r, v.HEX, 24), "displayName": "Web User"}),
                        (ex[1], {"type": "business", "displayName": "Clinic assistant"}),
                    )
                ],
                "meta": {"hasMore": False},
            }
            return json.dumps(doc, ensure_ascii=False)
        if shape == 2:
            channel = str(r.randrange(10**18, 2 * 10**18))
            first = str(r.randrange(10**18, 2 * 10**18))
            doc = [
                {
                    "id": str(int(first) + r.randrange(10**6, 10**8)),
                    "type": 19,
                    "channel_id": channel,
                    "author": {"id": str(r.randrange(10**18, 2 * 10**18)), "username": "DockBot", "bot": True},
                    "content": ex[1],
                    "timestamp": when.replace("Z", "+00:00"),
                    "message_reference": {"message_id": first, "channel_id": channel},
                },
                {
                    "id": first,
                    "type": 0,
                    "channel_id": channel,
                    "author": {
                        "id": str(r.randrange(10**17, 10**18)),
                        "username": "kealoha.k",
                        "global_name": "Kealoha",
                    },
                    "content": ex[0],
                    "timestamp": when.replace("Z", "+00:00"),
                },
            ]
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 3:
            chat_id = r.randrange(10**8, 8 * 10**9)
            sent = contexts._epoch(r)
            user_msg = {
                "message_id": r.randrange(10, 9999),
                "from": {"id": chat_id, "is_bot": False, "first_name": "Sjoerd", "language_code": lang},
                "chat": {"id": chat_id, "first_name": "Sjoerd", "type": "private"},
                "date": sent,
                "text": ex[0],
            }
            doc = {
                "ok": True,
                "result": {
                    "message_id": int(str(user_msg["message_id"])) + 1,
                    "from": {"id": r.randrange(10**9, 8 * 10**9), "is_bot": True, "first_name": "Parcels",
                             "username": "dock_parcels_bot"},
                    "chat": user_msg["chat"],
                    "date": sent + r.randrange(1, 9),
                    "reply_to_message": user_msg,
                    "text": ex[1],
                },
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 4:
            doc = {
                "code": 200,
                "statusText": "",
                "data": {
                    "list": [
                        {
                            "_id": v.rand(r, v.HEX, 24),
                            "dataId": v.rand(r, v.ALNUM, 24),
                            "obj": obj,
                            "value": [{"type": "text", "text": {"content": text}}],
                        }
                        for obj, text in (("Human", ex[0]), ("AI", ex[1]))
                    ],
                    "total": 2,
                },
            }
            return json.dumps(doc, ensure_ascii=False)
        session = v.unheralded_uuid(r)
        doc = {
            "chat_session_id": session,
            "description": ex[0][:40],
            "persona_id": 0,
            "messages": [
                {
                    "message_id": mid,
                    "parent_message": mid - 1 if mid > 1 else None,
                    "latest_child_message": mid + 1 if mid == 1 else None,
                    "message": text,
                    "message_type": kind,
                    "time_sent": when,
                    "citations": None,
                    "files": [],
                }
                for mid, kind, text in ((1, "user", ex[0]), (2, "assistant", ex[1]))
            ],
        }
        return json.dumps(doc, ensure_ascii=r.random() < 0.5)

    def _unheralded_when(self, iso: bool = False) -> str:
        """A time in one of the shapes this split's systems print (none a finding): ISO 8601 with Hawaii's, the
        Caymans', Bermuda's or Nauru's offset, a ``Z`` time with milliseconds (the only shape when ``iso``: what JSON
        APIs return), an EDIFACT ``DTM`` date-time, epoch milliseconds or a ``DD.MM.YYYY`` date as a school office
        types it."""
        r = self.r
        day, clock = r.randrange(10, 28), contexts._uhd_clock(r)
        shape = 1 if iso else r.randrange(5)
        if shape == 0:
            return f"2026-01-{day}T{clock}{v.pick(r, '-10:00', '-05:00', '-04:00', '+12:00')}"
        if shape == 1:
            return f"2026-01-{day}T{clock}.{r.randrange(0, 1000):03d}Z"
        if shape == 2:
            return f"DTM+137:202601{day}{clock[:5].replace(':', '')}:203'"
        if shape == 3:
            return str(contexts._epoch(r) * 1000 + r.randrange(0, 1000))
        return f"{day}.01.2026"

    def shipments(self) -> CorpusTable:
        """A carrier's shipments: the shipment number (ten digits that are no phone of the regions), the tracking
        number (UPS, a UPU S10 item or a container), the collection time in one of five shapes, the consignee's e-mail
        and phone (full or masked), the EDIFACT ``IFTMIN`` contact segments (a phone with its ``+`` released, a fax, an
        e-mail or only a name), the carrier call the dispatcher logged (Shippo's ``ShippoToken``, EasyPost's Basic
        user, AfterShip's ``as-api-key`` or the same masked), cash on delivery (a card typed at the door, an IBAN the
        amount goes to, or cash), the driver's note (now and then a phone number), the label's storage URL (now and
        then with credentials in it), the HS code and the weight."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("shipment_no", "tracking", "collected_at", "consignee_email", "consignee_phone", "edifact_cta",
                 "carrier_call", "cod", "driver_note", "label_url", "hs_code", "weight_kg")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = (
            "leave with the neighbour at no. 12",
            "gate closes at 17:00, ring the dock bell",
            "Lit ek pakket by de buorren",
            "Lezit ar pakad e-kichen an nor",
            "Lasciate u pacchettu à a porta",
            "E waiho ma ka lānai",
            "Ehejáke okẽ ykére",
            "",
        )
        for _ in range(ROWS):
            cols["shipment_no"].append((f"SH{v.no_phone_digits(r, 10, regions)}", NONE))
            roll = r.random()
            if roll < 0.4:
                cols["tracking"].append((v.unheralded_ups_tracking(r), NONE))
            elif roll < 0.7:
                cols["tracking"].append((v.upu_s10(r, v.pick(r, "NR", "TV", "FM", "KY", "BM")), NONE))
            else:
                cols["tracking"].append((v.unheralded_container_no(r), NONE))
            cols["collected_at"].append((self._unheralded_when(), NONE))
            cols["consignee_email"].append((v.unheralded_email(r), _one("email")))
            if r.random() < 0.65:
                cols["consignee_phone"].append((v.unheralded_phone(r, regions), _one("phone")))
            else:
                cols["consignee_phone"].append(
                    (f"+{v.pick(r, '1 345', '1 441', '674', '691')} ***-**{r.randrange(10, 99)}", NONE)
                )
            roll = r.random()
            if roll < 0.45:
                phone = v.unheralded_phone(r, regions).replace("?", "??").replace("+", "?+").replace(":", "?:")
                cols["edifact_cta"].append((f"CTA+IC+:DOCK OFFICE'COM+{phone}:{v.pick(r, 'TE', 'FX')}'", _one("phone")))
            elif roll < 0.65:
                cols["edifact_cta"].append((f"CTA+IC+:RECEIVING'COM+{v.unheralded_email(r)}:EM'", _one("email")))
            else:
                cols["edifact_cta"].append(("CTA+IC+:RECEIVING DESK'", NONE))
            roll = r.random()
            if roll < 0.15:
                cols["carrier_call"].append(
                    (f"Authorization: ShippoToken {v.unheralded_shippo_token(r)}", _one("generic_secret"))
                )
            elif roll < 0.3:
                auth = v.b64(f"{v.unheralded_easypost_key(r)}:".encode())
                cols["carrier_call"].append((f"POST /v2/shipments Authorization: Basic {auth}", _one("basic_auth")))
            elif roll < 0.4:
                cols["carrier_call"].append((f"as-api-key: {v.unheralded_aftership_key(r)}", _one("generic_secret")))
            elif roll < 0.75:
                cols["carrier_call"].append(("Authorization: ShippoToken shippo_live_****", NONE))
            else:
                cols["carrier_call"].append((f"GET /v2/trackers/trk_{v.rand(r, v.HEX, 32)}", NONE))
            roll = r.random()
            if roll < 0.1:
                cod = {"method": "card", "pan": v.unheralded_card_number(r), "amount": f"{r.randrange(10, 400)}.00"}
                cols["cod"].append((json.dumps(cod), _one("payment_card")))
            elif roll < 0.25:
                cod = {"method": "transfer", "payee_iban": v.unheralded_iban(r, grouped=False), "amount": "85.00"}
                cols["cod"].append((json.dumps(cod), _one("iban")))
            elif roll < 0.6:
                cod = {
                    "method": "card",
                    "pan_masked": f"{v.unheralded_card_number(r)[:6]}******{r.randrange(1000, 9999)}",
                }
                cols["cod"].append((json.dumps(cod), NONE))
            else:
                cols["cod"].append((json.dumps({"method": "none"}), NONE))
            if r.random() < 0.12:
                text = f"customer asks to call {v.unheralded_phone(r, regions)} on arrival"
                cols["driver_note"].append((text, _one("phone")))
            else:
                cols["driver_note"].append((r.choice(notes), NONE))
            if r.random() < 0.15:
                url = f"ftp://labels:{urllib.parse.quote(v.unheralded_password(r), safe='')}@ftp.dock.example/zpl/"
                cols["label_url"].append((url, _one("url_credentials")))
            else:
                cols["label_url"].append((f"https://labels.dock.example/zpl/{v.rand(r, v.HEX, 12)}.zpl", NONE))
            cols["hs_code"].append((f"{r.randrange(1000, 9999)}.{r.randrange(10, 99)}.{r.randrange(10, 99)}", NONE))
            cols["weight_kg"].append((f"{r.randrange(0, 40)}.{r.randrange(0, 1000):03d}", NONE))
        table = CorpusTable("shipments")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def school_enrolments(self) -> CorpusTable:
        """A network of language-immersion schools' enrolments: the enrolment id, the pupil's national number (an INE:
        ten digits and a letter), the guardian's e-mail and phone, the fee account (a Norma 19.14 record, a Dutch
        mandate, a bare IBAN, a masked one or cash), the mandate's reference and creditor id (no findings), the
        medical note (now and then the doctor's phone), the portal letter (now and then with the first password),
        the LMS sync call (Moodle's ``wstoken`` in the URL, a Canvas token as a bearer, or neither) and the school
        language."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("enrolment_id", "pupil_ine", "guardian_email", "guardian_phone", "fee_account", "mandate",
                 "medical_note", "portal_letter", "lms_sync", "school_lang")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        medical = (
            "allergic to peanuts, EpiPen in the office",
            "asthma, inhaler in school bag",
            "Alerjik ouzh ar vioù",
            "Allergysk foar nuten",
            "ʻAʻohe maʻi",
            "",
        )
        for _ in range(ROWS):
            cols["enrolment_id"].append((f"ENR-2026-{r.randrange(1, 99999):05d}", NONE))
            cols["pupil_ine"].append((f"{v.no_phone_digits(r, 10, regions)}{v.pick(r, 'A', 'F', 'K', 'T')}", NONE))
            cols["guardian_email"].append((v.unheralded_email(r), _one("email")))
            if r.random() < 0.7:
                cols["guardian_phone"].append((v.unheralded_phone(r, regions), _one("phone")))
            else:
                cols["guardian_phone"].append(("", NONE))
            roll = r.random()
            if roll < 0.2:
                record = _uhd_norma19(r, v.unheralded_iban(r, country="ES", grouped=False))
                cols["fee_account"].append((record, _one("iban")))
            elif roll < 0.35:
                cols["fee_account"].append((_uhd_nl_mandate(r, v.unheralded_iban(r, country="NL")), _one("iban")))
            elif roll < 0.6:
                iban = v.unheralded_iban(r, country=v.pick(r, "FR", "FR", "BE", "NL"))
                cols["fee_account"].append((iban, _one("iban")))
            elif roll < 0.85:
                cols["fee_account"].append(
                    (f"FR76 **** **** **** **** ***{r.randrange(0, 10)} {r.randrange(100, 999)}", NONE)
                )
            else:
                cols["fee_account"].append(("cash at the office", NONE))
            rum = f"RUM-DIWAN-{r.randrange(10**5, 10**6)}"
            cols["mandate"].append((f"ICS {v.unheralded_creditor_id(r, 'FR')} / {rum}", NONE))
            if r.random() < 0.1:
                text = f"family doctor can be reached on {v.unheralded_phone(r, regions)}"
                cols["medical_note"].append((text, _one("phone")))
            else:
                cols["medical_note"].append((r.choice(medical), NONE))
            if r.random() < 0.1:
                text = f"Your child's first login: username given at the office, password {v.unheralded_password(r)}"
                cols["portal_letter"].append((text, _one("credential_phrase")))
            else:
                cols["portal_letter"].append(("Activation link sent; the link expires in 7 days.", NONE))
            roll = r.random()
            if roll < 0.15:
                url = (f"https://moodle.scola.example/webservice/rest/server.php?wstoken={v.unheralded_moodle_token(r)}"
                       "&wsfunction=enrol_manual_enrol_users")  # fmt: skip
                cols["lms_sync"].append((url, _one("auth_token_assignment")))
            elif roll < 0.25:
                cols["lms_sync"].append((f"Authorization: Bearer {v.unheralded_canvas_token(r)}", _one("bearer_token")))
            else:
                cols["lms_sync"].append(("https://moodle.scola.example/webservice/rest/server.php", NONE))
            cols["school_lang"].append((v.pick(r, "br", "fy", "co", "haw", "gn"), NONE))
        table = CorpusTable("school_enrolments")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def vet_visits(self) -> CorpusTable:
        """A veterinary clinic's visits: the visit id and time, the owner's e-mail and phone (full or masked), the pet,
        its microchip (15 digits, no card, no phone), the lab's HL7 result (now and then with the owner's phone in
        ``PID``), the payment (a masked ISO 8583 trace, a card typed into SumUp's API, a Belgian invoice line with its
        IBAN, or cash), the reminder call (46elks' or ClickSend's Basic credentials, Africa's Talking's ``apiKey``
        header, OneSignal's ``Key`` scheme, or masked), the vet's note in the split's languages (now and then a phone
        number) and the owner's portal message (now and then a pasted password)."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("visit_id", "visited_at", "owner_email", "owner_phone", "pet", "microchip", "lab_hl7", "payment",
                 "reminder_call", "vet_note", "portal_msg")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        pets = ("Mango (dog)", "Biscuit (cat)", "Pepa (dog)", "Kalo (pig)", "Nuage (rabbit)", "Sjoerd (horse)")
        notes = (
            "booster due in 12 months",
            "Brechadur a-nevez a-benn ur bloaz",
            "Wer kontrolearje oer twa wiken",
            "Rivede u cane trà dui simane",
            "E hoʻi mai i loko o ʻelua pule",
            "Ejujey mokõi semana rire",
            "",
        )
        portal = ("Can we move Mango's visit to Friday?", "Is the new food OK for kittens?", "Mahalo for the care!", "")
        for _ in range(ROWS):
            cols["visit_id"].append((f"V{r.randrange(10**5, 10**6)}", NONE))
            cols["visited_at"].append((self._unheralded_when(), NONE))
            cols["owner_email"].append((v.unheralded_email(r), _one("email")))
            if r.random() < 0.6:
                cols["owner_phone"].append((v.unheralded_phone(r, regions), _one("phone")))
            else:
                cols["owner_phone"].append((f"+1 {v.pick(r, '345', '441', '649')} ***-{r.randrange(10, 99)}**", NONE))
            cols["pet"].append((r.choice(pets), NONE))
            cols["microchip"].append((v.unheralded_microchip(r, regions), NONE))
            if r.random() < 0.15:
                cols["lab_hl7"].append(
                    (_uhd_hl7_phone(r) + "\rOBR|1|" + str(r.randrange(10**5, 10**6)) + "||CBC", _one("phone"))
                )
            else:
                cols["lab_hl7"].append(
                    (contexts._hl7_nte(r, v.pick(r, "No abnormalities.", "Mild anaemia, recheck.")), NONE)
                )
            roll = r.random()
            if roll < 0.4:
                cols["payment"].append((v.unheralded_iso8583(r, masked=True), NONE))
            elif roll < 0.5:
                body = {"checkout_reference": f"V{r.randrange(10**5, 10**6)}",
                        "card": {"number": v.unheralded_card_number(r), "expiry_month": "04", "expiry_year": "28",
                                 "cvv": f"{r.randrange(100, 999)}"}}  # fmt: skip
                cols["payment"].append((json.dumps(body), _one("payment_card")))
            elif roll < 0.7:
                cols["payment"].append((_uhd_be_invoice(r, v.unheralded_iban(r, country="BE")), _one("iban")))
            else:
                cols["payment"].append(("cash", NONE))
            roll = r.random()
            if roll < 0.12:
                auth = v.b64(":".join(v.unheralded_elks_pair(r)).encode())
                cols["reminder_call"].append((f"POST /a1/sms Authorization: Basic {auth}", _one("basic_auth")))
            elif roll < 0.24:
                auth = v.b64(":".join(v.unheralded_clicksend_pair(r)).encode())
                cols["reminder_call"].append((f"POST /v3/sms/send Authorization: Basic {auth}", _one("basic_auth")))
            elif roll < 0.3:
                text = f"POST /version1/messaging apiKey: {v.unheralded_africastalking_key(r)}"
                cols["reminder_call"].append((text, _one("generic_secret")))
            elif roll < 0.36:
                text = f"POST /notifications Authorization: Key {v.unheralded_onesignal_key(r)}"
                cols["reminder_call"].append((text, _one("generic_secret")))
            else:
                cols["reminder_call"].append(("POST /a1/sms Authorization: Basic [Redacted]", NONE))
            if r.random() < 0.1:
                text = f"owner away, call her sister on {v.unheralded_phone(r, regions)}"
                cols["vet_note"].append((text, _one("phone")))
            else:
                cols["vet_note"].append((r.choice(notes), NONE))
            if r.random() < 0.08:
                text = f"the portal says my password {v.unheralded_password(r)} is wrong, can you reset it?"
                cols["portal_msg"].append((text, _one("credential_phrase")))
            else:
                cols["portal_msg"].append((r.choice(portal), NONE))
        table = CorpusTable("vet_visits")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    # ------------------------------------------------------------------------ unnoticed shapes and tables

    def _unnoticed_vendor(self, names: tuple[str, str]) -> tuple[dict[str, str], str]:
        """A request's headers with a vendor's key and the key's label: the shared vendors, Eden AI's JWT keys,
        Salesforce access tokens and Amazon Bedrock API keys as bearers (no detector of their own), NLP Cloud's
        ``Token`` scheme and an AWS SigV4 ``Authorization`` naming its access key id (Titan on Bedrock)."""
        r = self.r
        gen, label, header, scheme = r.choice(_UNNOTICED_VENDORS)
        return {header: scheme + gen(r), names[1]: "application/json"}, label

    def _unnoticed_dump(self, head: dict[str, str]) -> str:
        """The gateway's request as one of seven clients prints it: Spring's ``HttpHeaders.toString()`` from a
        ``RestTemplate`` logging interceptor, Excon's ``StandardInstrumentor`` (it prints ``REDACTED`` for an
        ``Authorization`` header, never for a vendor's own key header), a Hoppscotch collection export, Akka HTTP's
        ``HttpRequest`` as Scala prints it, Jersey's ``LoggingFeature`` (``1 >`` lines), an Erlang crash report of
        ``hackney:request/5`` with binaries, or sttp's ``toCurl`` (``Authorization`` printed as ``***``);
        ``self._dump_masked`` says whether the key was hidden."""
        r = self.r
        self._dump_masked = False
        lower = {k.lower(): val for k, val in head.items()}
        host, path = _unnoticed_endpoint(lower)
        title = {k: "-".join(p.capitalize() for p in k.split("-")) if k != "x-api-key" else k for k in lower}
        length = r.randrange(120, 4000)
        auth_secret = "authorization" in lower
        shape = r.randrange(7)
        if shape == 0:
            shown = {"Accept": "application/json", **{title[k]: val for k, val in lower.items()}}
            shown["Content-Length"] = str(length)
            headers = ", ".join(f'{k}:"{val}"' for k, val in shown.items())
            return (
                f"2026-01-{r.randrange(10, 28)} {contexts._unt_clock(r)}.{r.randrange(0, 1000):03d} DEBUG "
                f"{r.randrange(1, 9)} --- [nio-8080-exec-{r.randrange(1, 10)}] c.l.gateway.http.LoggingInterceptor   : "
                f"POST https://{host}{path} headers=[{headers}]"
            )
        if shape == 1:
            self._dump_masked = auth_secret
            shown = {title[k]: ("REDACTED" if k == "authorization" else val) for k, val in lower.items()}
            shown |= {"Host": host, "User-Agent": "excon/1.2.5"}
            width = max(len(k) for k in shown) + 2
            entries = [f'    {json.dumps(k):<{width}} => "{val}"' for k, val in sorted(shown.items())]
            lines = [
                "excon.request",
                "  :chunk_size          => 1048576",
                "  :connect_timeout     => 60",
                "  :headers             => {",
                ",\n".join(entries),
                "  }",
                f'  :host                => "{host.split(":")[0]}"',
                "  :method              => :post",
                f'  :path                => "{path}"',
                f"  :port                => {443 if ':' not in host else host.split(':')[1]}",
                '  :scheme              => "https"',
            ]
            return "\n".join(lines)
        if shape == 2:
            entries = [{"key": title[k], "value": val, "active": True} for k, val in lower.items()]
            doc = {
                "v": 6,
                "name": v.pick(r, "LLM gateway", "Meter assistant", "Trial helpdesk"),
                "folders": [],
                "requests": [
                    {
                        "v": "7",
                        "name": v.pick(r, "chat", "generate", "answer"),
                        "method": "POST",
                        "endpoint": f"https://{host}{path}",
                        "headers": entries,
                        "params": [],
                        "auth": {"authType": "none", "authActive": True},
                        "body": {"contentType": "application/json", "body": None},
                        "requestVariables": [],
                    }
                ],
            }
            return json.dumps(doc)
        if shape == 3:
            shown = [f"{title[k]}: {val}" for k, val in lower.items() if k != "content-type"]
            return (
                f"HttpRequest(HttpMethod(POST),https://{host}{path},List({', '.join(shown)}),"
                f"HttpEntity.Strict(application/json,{length} bytes total),HttpProtocol(HTTP/1.1))"
            )
        if shape == 4:
            n = r.randrange(1, 40)
            lines = [
                f"Jan {r.randrange(10, 28)}, 2026 {r.randrange(1, 13)}:{r.randrange(10, 60)}:{r.randrange(10, 60)} "
                f"{v.pick(r, 'AM', 'PM')} org.glassfish.jersey.logging.LoggingInterceptor log",
                f"INFO: {n} * Sending client request on thread {v.pick(r, 'main', 'pool-2-thread-1')}",
                f"{n} > POST https://{host}{path}",
                f"{n} > Accept: application/json",
            ]
            lines += [f"{n} > {title[k]}: {val}" for k, val in lower.items()]
            return "\n".join(lines)
        if shape == 5:
            pairs = ",".join(f'{{<<"{k}">>,<<"{val}">>}}' for k, val in lower.items())
            return (
                f"** exception error: {{hackney_error,{v.pick(r, 'closed', 'timeout', 'econnrefused')}}}\n"
                "     in function  hackney:request/5\n"
                f'        called as hackney:request(post,<<"https://{host}{path}">>,[{pairs}],'
                '<<"{\\"stream\\":false,"...>>,[with_body,{recv_timeout,30000}])'
            )
        self._dump_masked = auth_secret
        lines = ["curl \\", "  --request POST \\", f"  --url 'https://{host}{path}' \\"]
        lines += [f"  --header '{title[k]}: {'***' if k == 'authorization' else val}' \\" for k, val in lower.items()]
        lines += ["  --header 'Accept-Encoding: gzip, deflate' \\", "  --location \\", "  --max-redirs 32"]
        return "\n".join(lines)

    def _unnoticed_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object] | str, str, str]:
        """A request body and its reply with what each holds: Eden AI's ``/v2/text/chat`` (the text with a role-tagged
        ``previous_history`` in, the provider's generated text and the whole exchange back), Amazon Titan Text on
        Bedrock (``inputText`` in, ``results`` back), Salesforce's Einstein Models API (role messages in,
        ``generationDetails`` back), a Cognigy REST endpoint (``text`` in, ``outputStack`` back), NLP Cloud's chatbot
        (an untagged ``history`` in, the history with the user's turn back), Vertex AI Search's ``answer`` (a query in,
        the answer and the session's turns back) or LightLLM's ``/generate`` fed a prompt in this split's markup."""
        r = self.r
        self._reply_echoes = False
        system = chat.SYSTEM_PROMPTS[lang]
        earlier = r.choice([ex for ex in chat.EXCHANGES[lang] if ex[1] != answer])
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        shape = r.randrange(7)
        body: dict[str, object]
        reply: dict[str, object]
        if shape == 0:
            self._reply_echoes = True
            provider = v.pick(r, "openai/gpt-4o", "mistral/mistral-large-latest", "google/gemini-1.5-pro")
            body = {
                "providers": provider,
                "text": user,
                "chatbot_global_action": system,
                "previous_history": [
                    {"role": "user", "message": earlier[0]},
                    {"role": "assistant", "message": earlier[1]},
                ],
                "temperature": 0.2,
                "max_tokens": 512,
            }
            reply = {
                provider: {
                    "generated_text": answer,
                    "message": [
                        {"role": "user", "message": user, "tools": None, "tool_calls": None},
                        {"role": "assistant", "message": answer, "tools": None, "tool_calls": None},
                    ],
                    "status": "success",
                    "cost": round(r.uniform(0.0002, 0.01), 5),
                }
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 1:
            body = {
                "inputText": user,
                "textGenerationConfig": {"maxTokenCount": 512, "temperature": 0.3, "topP": 0.9, "stopSequences": []},
            }
            reply = {
                "inputTextTokenCount": tokens_in,
                "results": [{"tokenCount": tokens_out, "outputText": answer, "completionReason": "FINISH"}],
            }
            return body, reply, "", ""
        if shape == 2:
            locale = {"en": "en_US", "pap": "nl_CW", "rm": "rm_CH", "sc": "it_IT", "kl": "kl_GL", "ty": "fr_PF"}[lang]
            body = {
                "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
                "localization": {
                    "defaultLocale": "en_US",
                    "inputLocales": [{"locale": locale, "probability": 0.8}],
                    "expectedLocales": [locale],
                },
                "tags": {},
            }
            reply = {
                "id": v.unnoticed_uuid(r),
                "generationDetails": {
                    "generations": [
                        {
                            "id": v.unnoticed_uuid(r),
                            "role": "assistant",
                            "content": answer,
                            "timestamp": contexts._epoch(r),
                            "parameters": {"finish_reason": "stop", "index": 0},
                            "contentQuality": {"scanToxicity": {"isDetected": False}},
                        }
                    ],
                    "parameters": {"provider": "OpenAI", "model": "gpt-4o-2024-08-06"},
                },
            }
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 3:
            session = v.unnoticed_uuid(r)
            who = f"portal-{v.rand(r, v.HEX, 10)}"
            body = {"userId": who, "sessionId": session, "text": user, "data": {"channel": "rest"}}
            reply = {
                "text": answer,
                "data": {},
                "outputStack": [
                    {"text": answer, "data": {"_cognigy": {}}, "traceId": f"endpoint-{v.unnoticed_uuid(r)}"}
                ],
                "userId": who,
                "sessionId": session,
            }
            return body, reply, "", ""
        if shape == 4:
            self._reply_echoes = True
            body = {"input": user, "context": system, "history": [{"input": earlier[0], "response": earlier[1]}]}
            reply = {
                "response": answer,
                "history": [{"input": earlier[0], "response": earlier[1]}, {"input": user, "response": answer}],
            }
            return body, reply, "", ""
        if shape == 5:
            self._reply_echoes = True
            base = "projects/lkw-support/locations/global/collections/default_collection/engines/meter-faq"
            session = f"{base}/sessions/{v.luhn_free_number(r, 10**18, 2 * 10**18)}"
            body = {
                "query": {"text": user, "queryId": ""},
                "session": f"{base}/sessions/-",
                "answerGenerationSpec": {"includeCitations": True, "modelSpec": {"modelVersion": "stable"}},
            }
            answer_name = (
                f"{base}/sessions/{session.rsplit('/', 1)[1]}/answers/{v.luhn_free_number(r, 10**18, 2 * 10**18)}"
            )
            reply = {
                "answer": {"name": answer_name, "state": "SUCCEEDED", "answerText": answer, "steps": []},
                "session": {
                    "name": session,
                    "state": "IN_PROGRESS",
                    "turns": [{"query": {"queryId": f"{base}/questions/{v.rand(r, v.HEX, 8)}", "text": user},
                               "answer": answer_name}],
                },
            }  # fmt: skip
            return body, reply, "", ""
        body = {
            "inputs": _unnoticed_markup(r.choice((0, 2, 4)), system, user, ""),
            "parameters": {"max_new_tokens": 512, "do_sample": False},
        }
        reply = {"generated_text": [answer], "count_output_tokens": tokens_out, "finish_reason": "stop"}
        return body, reply, "chat_template", ""

    def _unnoticed_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then two turns per language in which
        the user pastes a password (a credential phrase), a key (its vendor's finding), a card number, an IBAN or a
        phone number, with an answer that does not repeat it; in a turn of that language when the conversation has
        one."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unnoticed_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        kinds = ("password", "key", "card", "iban", "phone")
        regions = PHONE_REGIONS[self.split]
        for k, lang in enumerate(chat.UNNOTICED_LANGUAGES):
            for kind in (kinds[(2 * k) % 5], kinds[(2 * k + 2) % 5]):
                free = [i for i in range(5, ROWS // 2) if i not in used]
                turn = next((i for i in free if exchanges[i][0] == lang), free[0])
                used.add(turn)
                prompt, answer = chat.UNNOTICED_SECRET_TURNS[lang][kind]
                if kind == "password":
                    text, label = prompt.format(password=v.unnoticed_password(r)), "credential_phrase"
                elif kind == "key":
                    gen, label = r.choice(UNNOTICED_PASTED_KEYS)
                    text = prompt.format(key=gen(r))
                elif kind == "card":
                    text, label = prompt.format(card=v.unnoticed_card(r, sep=v.pick(r, " ", "-", ""))), "payment_card"
                elif kind == "iban":
                    text, label = prompt.format(iban=v.unnoticed_iban(r)), "iban"
                else:
                    text, label = prompt.format(phone=v.unnoticed_phone(r, regions)), "phone"
                contents[2 * turn] = (text, _one(label))
                contents[2 * turn + 1] = (answer, NONE)

    def _unnoticed_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as messaging platforms and help desks export it: Twilio Conversations' messages (an author
        identity and a body), a Tawk.to ``chat:transcript_created`` webhook (senders ``v`` and ``a``), Genesys Cloud's
        web-messaging entities (``Inbound`` and ``Outbound``), the Google Chat API's messages (a ``HUMAN`` and a
        ``BOT`` sender), Kustomer's message resources (``in`` and ``out``) or Zoho SalesIQ's transcript (a visitor and
        a bot)."""
        r = self.r
        when = self._unnoticed_when(iso=True)
        doc: object
        if shape == 0:
            conv = "CH" + v.rand(r, v.HEX, 32)
            account = "AC" + v.rand(r, v.HEX, 32)
            doc = {
                "messages": [
                    {
                        "account_sid": account,
                        "conversation_sid": conv,
                        "sid": "IM" + v.rand(r, v.HEX, 32),
                        "index": index,
                        "author": author,
                        "body": text,
                        "media": None,
                        "attributes": "{}",
                        "participant_sid": "MB" + v.rand(r, v.HEX, 32),
                        "date_created": when,
                        "delivery": None,
                    }
                    for index, (author, text) in enumerate(
                        ((f"portal-guest-{v.rand(r, v.HEX, 6)}", ex[0]), ("meter-assistant", ex[1]))
                    )
                ],
                "meta": {"page": 0, "page_size": 50, "key": "messages"},
            }
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 1:
            doc = {
                "event": "chat:transcript_created",
                "time": when,
                "chat": {
                    "id": v.rand(r, v.HEX, 24),
                    "visitor": {"name": f"V{r.randrange(10**6, 10**7)}", "country": v.pick(r, "PF", "NC", "AW")},
                    "messages": [
                        {"sender": {"t": "v"}, "type": "msg", "msg": ex[0], "time": when},
                        {"sender": {"t": "a", "n": v.pick(r, "Hina", "Teva", "Shanaira")}, "type": "msg",
                         "msg": ex[1], "time": when},
                    ],
                },
                "property": {"id": v.rand(r, v.HEX, 24), "name": "Aircalin support"},
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=False)
        if shape == 2:
            doc = {
                "entities": [
                    {
                        "id": v.unnoticed_uuid(r),
                        "channel": {"platform": "Genesys", "type": "Private", "from": {"nickname": nickname},
                                    "time": when},
                        "type": "Text",
                        "text": text,
                        "direction": direction,
                    }
                    for nickname, text, direction in (
                        ("Guest", ex[0], "Inbound"),
                        ("Trial assistant", ex[1], "Outbound"),
                    )
                ]
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 3:
            space = "spaces/AAAA" + v.rand(r, v.ALNUM, 7)
            thread = f"{space}/threads/{v.rand(r, v.ALNUM, 11)}"
            doc = {
                "messages": [
                    {
                        "name": f"{space}/messages/{v.rand(r, v.ALNUM + '_-', 11)}.{v.rand(r, v.ALNUM + '_-', 11)}",
                        "sender": sender,
                        "createTime": when,
                        "text": text,
                        "thread": {"name": thread},
                        "space": {"name": space},
                    }
                    for sender, text in (
                        ({"name": f"users/{r.randrange(10**20, 2 * 10**20)}", "type": "HUMAN"}, ex[0]),
                        ({"name": "users/app", "type": "BOT", "displayName": "Study helper"}, ex[1]),
                    )
                ]
            }
            return json.dumps(doc, ensure_ascii=False)
        if shape == 4:
            conv = v.rand(r, v.HEX, 24)
            doc = {
                "data": [
                    {
                        "type": "message",
                        "id": v.rand(r, v.HEX, 24),
                        "attributes": {"channel": "chat", "app": "chat", "direction": direction,
                                       "directionType": kind, "preview": text, "sentAt": when},
                        "relationships": {"conversation": {"data": {"type": "conversation", "id": conv}}},
                    }
                    for direction, kind, text in (("in", "initial-in", ex[0]), ("out", "response-out", ex[1]))
                ]
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        start = contexts._epoch(r) * 1000
        doc = {
            "data": [
                {
                    "id": str(start + 11 * i),
                    "sender": sender,
                    "message": {"text": text},
                    "time": start + 4000 * i,
                    "type": "text",
                }
                for i, (sender, text) in enumerate(
                    (
                        ({"type": "visitor", "name": f"Visitor {r.randrange(1000, 9999)}"}, ex[0]),
                        ({"type": "bot", "name": "Zobot"}, ex[1]),
                    )
                )
            ]
        }
        return json.dumps(doc, ensure_ascii=False)

    def _unnoticed_when(self, iso: bool = False) -> str:
        """A time in one of the shapes this split's systems print (none a finding): ISO 8601 with Nuuk's, Gibraltar's,
        Aruba's, Nouméa's or Papeete's offset, a ``Z`` time with milliseconds (the only shape when ``iso``: what JSON
        APIs return), a GDS date (``14JAN26``) with a 24-hour time, epoch milliseconds or a Swiss
        ``DD.MM.YYYY HH:MM``."""
        r = self.r
        day, clock = r.randrange(10, 28), contexts._unt_clock(r)
        shape = 1 if iso else r.randrange(5)
        if shape == 0:
            return f"2026-01-{day}T{clock}{v.pick(r, '-02:00', '+01:00', '-04:00', '+11:00', '-10:00')}"
        if shape == 1:
            return f"2026-01-{day}T{clock}.{r.randrange(0, 1000):03d}Z"
        if shape == 2:
            return f"{day}JAN26 {clock[:5].replace(':', '')}"
        if shape == 3:
            return str(contexts._epoch(r) * 1000 + r.randrange(0, 1000))
        return f"{day}.01.2026 {clock[:5]}"

    def flight_bookings(self) -> CorpusTable:
        """An airline's bookings: the record locator, the e-ticket number (13 digits that fail Luhn and read as no
        phone), the booking time, the passenger's e-mail, the SSR CTCE element (the e-mail in IATA's encoding, or the
        passenger's refusal), the SSR CTCM element (the phone's digits with their country code, or a refusal), the
        contact phone (full or masked), the form of payment (a card in full, masked, cash or an agency invoice), the
        refund account (a pacs.008 transfer, a Revolut counterparty, a bare IBAN or the original card), the call to
        the GDS (an OAuth client secret, a Salesforce bearer or the same masked), the PNR remarks (now and then a
        phone number or a password a passenger typed), the frequent-flyer number and the seat."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("record_locator", "ticket_number", "booked_at", "passenger_email", "ssr_ctce", "ssr_ctcm",
                 "contact_phone", "form_of_payment", "refund_account", "gds_call", "remarks", "ffp_number",
                 "seat")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        remarks = (
            "RM WCHR REQUESTED AT NOU",
            "RM PAX TRAVELS WITH SURFBOARD 1PC",
            "RM GRP FARE CONFIRMED BY REVENUE MGMT",
            "RM PAX SPEAKS KALAALLISUT AND DANISH ONLY",
            "RM PAX PREFERS AISLE, AIRCO COLD",
            "RM PAX STOPOVER PPT 2 NIGHTS",
            "",
        )
        for _ in range(ROWS):
            cols["record_locator"].append((v.unnoticed_record_locator(r), NONE))
            cols["ticket_number"].append((v.unnoticed_ticket_number(r, regions), NONE))
            cols["booked_at"].append((self._unnoticed_when(), NONE))
            address = v.unnoticed_email(r)
            cols["passenger_email"].append((address, _one("email")))
            if r.random() < 0.75:
                cols["ssr_ctce"].append((f"SSR CTCE YY HK1/{v.unnoticed_ssr_ctce(address)}", _one("email")))
            else:
                cols["ssr_ctce"].append(("SSR CTCR YY HK1/REFUSED", NONE))
            if r.random() < 0.7:
                digits = v.unnoticed_phone(r, regions, True)
                digits = "".join(c for c in digits if c.isdigit()).removeprefix("00")
                cols["ssr_ctcm"].append((f"SSR CTCM YY HK1/{digits}", _one("phone")))
            else:
                cols["ssr_ctcm"].append(("SSR CTCR YY HK1/REFUSED", NONE))
            if r.random() < 0.7:
                cols["contact_phone"].append((v.unnoticed_phone(r, regions), _one("phone")))
            else:
                cols["contact_phone"].append((f"+{v.pick(r, '687', '689', '299')} ** ** {r.randrange(10, 99)}", NONE))
            roll = r.random()
            if roll < 0.12:
                cols["form_of_payment"].append((v.unnoticed_fop(r), _one("payment_card")))
            elif roll < 0.6:
                cols["form_of_payment"].append((v.unnoticed_fop(r, masked=True), NONE))
            elif roll < 0.8:
                cols["form_of_payment"].append(("FP CASH", NONE))
            else:
                cols["form_of_payment"].append((f"FP INVAGT/{r.randrange(10**6, 10**7)}", NONE))
            roll = r.random()
            if roll < 0.15:
                iban = v.unnoticed_iban(r, country=v.pick(r, "FR", "FR", "GL", "GI"), grouped=False)
                cols["refund_account"].append((_unt_pacs008(r, iban), _one("iban")))
            elif roll < 0.25:
                cols["refund_account"].append((_unt_revolut(r, v.unnoticed_iban(r)), _one("iban")))
            elif roll < 0.4:
                cols["refund_account"].append((v.unnoticed_iban(r, grouped=True), _one("iban")))
            else:
                cols["refund_account"].append(("original form of payment", NONE))
            roll = r.random()
            if roll < 0.12:
                body = (f"grant_type=client_credentials&client_id={v.rand(r, v.ALNUM, 32)}"
                        f"&client_secret={v.rand(r, v.ALNUM, 16)}")  # fmt: skip
                cols["gds_call"].append((f"POST /v1/security/oauth2/token {body}", _one("generic_secret")))
            elif roll < 0.22:
                text = f"Authorization: Bearer {v.unnoticed_salesforce_token(r)}"
                cols["gds_call"].append((text, _one("bearer_token")))
            elif roll < 0.6:
                cols["gds_call"].append(("POST /v1/security/oauth2/token client_secret=[FILTERED]", NONE))
            else:
                offers = f"GET /v2/shopping/flight-offers?originLocationCode=PPT&max={r.randrange(5, 50)}"
                cols["gds_call"].append((offers, NONE))
            roll = r.random()
            if roll < 0.1:
                phone = v.unnoticed_phone(r, regions)
                cols["remarks"].append((f"RM PAX MOTHER CONTACT {phone}", _one("phone")))
            elif roll < 0.15:
                text = f"RM PAX SAYS APP PASSWORD IS {v.unnoticed_password(r)} PLS RESET"
                cols["remarks"].append((text, _one("credential_phrase")))
            else:
                cols["remarks"].append((r.choice(remarks), NONE))
            cols["ffp_number"].append((f"{v.pick(r, 'SB', 'TN', 'GL')}{v.unnoticed_digits(r, 9, regions)}", NONE))
            cols["seat"].append((f"{r.randrange(1, 40)}{v.pick(r, 'A', 'C', 'D', 'H', 'K')}", NONE))
        table = CorpusTable("flight_bookings")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def trial_visits(self) -> CorpusTable:
        """A clinical trial's visits at sites in Sardinia, Liechtenstein, Greenland and French Polynesia: the subject
        id, the visit and its window, the participant's e-mail and phone (or none), the calendar invitation (an
        iCalendar ``ATTENDEE`` with the e-mail, or the site's own), the stipend (a ClinCard load with the card in full,
        the card's last four, or none), the reimbursement account (an IBAN in an Airwallex body, a bare one, a masked
        one or none), the EDC sync call (REDCap's API token in the body, a FusionAuth bearer JWT, or redacted), the
        coordinator's note (now and then a phone number), the kit number, the MedDRA code of an adverse event (or
        none) and the consent version."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("subject_id", "visit", "participant_email", "participant_phone", "invite", "stipend",
                 "reimbursement_account", "edc_sync", "coordinator_note", "kit_number", "ae_meddra",
                 "consent")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = (
            "vitals within range, ECG normal",
            "participant fasting since 22:00",
            "Su partetzipante at firmadu su consensu nou",
            "Il participant ha survegnì la nova brev",
            "E kontrol di sanger ta normal",
            "Te mau hi'opo'ara'a, mea maita'i",
            "",
        )
        for _ in range(ROWS):
            site = v.pick(r, "SC", "LI", "GL", "PF")
            cols["subject_id"].append((f"{site}-{r.randrange(1, 12):03d}-{r.randrange(1, 999):04d}", NONE))
            cols["visit"].append((f"V{r.randrange(1, 9)} {self._unnoticed_when()} (window ±3d)", NONE))
            address = v.unnoticed_email(r)
            cols["participant_email"].append((address, _one("email")))
            if r.random() < 0.7:
                cols["participant_phone"].append((v.unnoticed_phone(r, regions), _one("phone")))
            else:
                cols["participant_phone"].append(("", NONE))
            if r.random() < 0.5:
                invite = (
                    f"BEGIN:VEVENT\nSUMMARY:Visit V{r.randrange(1, 9)}\nATTENDEE;RSVP=TRUE:mailto:{address}\nEND:VEVENT"
                )
                cols["invite"].append((invite, _one("email")))
            else:
                cols["invite"].append(("BEGIN:VEVENT\nSUMMARY:Visit\nLOCATION:Site 003\nEND:VEVENT", NONE))
            roll = r.random()
            if roll < 0.12:
                body = {"clincard": {"card_number": v.unnoticed_card_number(r, "mastercard"), "load_amount": "50.00"}}
                cols["stipend"].append((json.dumps(body), _one("payment_card")))
            elif roll < 0.6:
                body2 = {"clincard": {"card_last4": f"{r.randrange(0, 10000):04d}", "load_amount": "50.00"}}
                cols["stipend"].append((json.dumps(body2), NONE))
            else:
                cols["stipend"].append(("{}", NONE))
            roll = r.random()
            if roll < 0.15:
                iban = v.unnoticed_iban(r, country=v.pick(r, "IT", "LI", "GL", "FR"))
                cols["reimbursement_account"].append((_unt_airwallex(r, iban), _one("iban")))
            elif roll < 0.35:
                cols["reimbursement_account"].append((v.unnoticed_iban(r, country=v.pick(r, "IT", "LI")), _one("iban")))
            elif roll < 0.7:
                cols["reimbursement_account"].append((f"IT** **** **** **** **** **** {r.randrange(100, 999)}", NONE))
            else:
                cols["reimbursement_account"].append(("", NONE))
            roll = r.random()
            if roll < 0.15:
                text = f"token={v.unnoticed_redcap_token(r)}&content=record&action=import&format=json"
                cols["edc_sync"].append((text, _one("auth_token_assignment")))
            elif roll < 0.25:
                cols["edc_sync"].append((f"Authorization: Bearer {v.unnoticed_fusionauth_jwt(r)}", _one("jwt")))
            else:
                cols["edc_sync"].append(("token=[redacted]&content=record&action=import&format=json", NONE))
            if r.random() < 0.1:
                text = f"participant asks us to call her daughter on {v.unnoticed_phone(r, regions)}"
                cols["coordinator_note"].append((text, _one("phone")))
            else:
                cols["coordinator_note"].append((r.choice(notes), NONE))
            cols["kit_number"].append((v.unnoticed_digits(r, 10, regions), NONE))
            if r.random() < 0.3:
                meddra = v.unnoticed_digits(r, 8, regions, lead="100")
                cols["ae_meddra"].append((f"{meddra} {v.pick(r, 'Headache', 'Nausea', 'Fatigue')}", NONE))
            else:
                cols["ae_meddra"].append(("", NONE))
            cols["consent"].append(
                (f"ICF v{r.randrange(2, 6)}.{r.randrange(0, 3)} ({v.pick(r, 'sc', 'rm', 'kl', 'ty')})", NONE)
            )
        table = CorpusTable("trial_visits")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def meter_reads(self) -> CorpusTable:
        """An alpine utility's meter reads: the metering point (a Swiss id that starts like an IBAN), the meter's
        serial and radio address (EUI-64), the read time, the register (an OBIS code) and its value, the customer's
        e-mail and phone (full or masked), the payment (a direct-debit notice with its IBAN, a SAP Business Partner
        bank entity, a card top-up in CyberSource's SOAP, or none), the head-end call (Basic credentials, a Grafana
        Cloud bearer, a Dynatrace ``Api-Token`` or the same masked), the reader's note (now and then a phone number
        or a handheld password) and the firmware version."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("metering_point", "meter_serial", "radio_eui64", "read_at", "obis", "value_kwh", "customer_email",
                 "customer_phone", "payment", "head_end_call", "reader_note", "firmware")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = (
            "meter reachable, seal intact",
            "Dumbrader en il tschaler, clav tar il vischin",
            "Contadore in su garage, cane in su giardinu",
            "Uuttuut silami, ajunngilaq",
            "estimated read, access refused",
            "",
        )
        for _ in range(ROWS):
            cols["metering_point"].append((v.unnoticed_metering_point(r), NONE))
            cols["meter_serial"].append((v.unnoticed_digits(r, 8, regions), NONE))
            eui = "00:1A:2B:FF:FE:" + ":".join(v.rand(r, "0123456789ABCDEF", 2) for _ in range(3))
            cols["radio_eui64"].append((eui, NONE))
            cols["read_at"].append((self._unnoticed_when(), NONE))
            cols["obis"].append((v.pick(r, "1-0:1.8.0*255", "1-0:2.8.0*255", "1-0:1.8.1*255", "1-0:1.8.2*255"), NONE))
            cols["value_kwh"].append((f"{r.randrange(100, 99999)}.{r.randrange(0, 1000):03d}", NONE))
            cols["customer_email"].append((v.unnoticed_email(r), _one("email")))
            if r.random() < 0.6:
                cols["customer_phone"].append((v.unnoticed_phone(r, regions), _one("phone")))
            else:
                cols["customer_phone"].append((f"+423 *** ** {r.randrange(10, 99)}", NONE))
            roll = r.random()
            if roll < 0.15:
                cols["payment"].append((_unt_debit_notice(r, v.unnoticed_iban(r, country="FR")), _one("iban")))
            elif roll < 0.3:
                cols["payment"].append(
                    (_unt_sap_bp(r, v.unnoticed_iban(r, country=v.pick(r, "LI", "SM"))), _one("iban"))
                )
            elif roll < 0.38:
                cols["payment"].append((_unt_cybersource(r, v.unnoticed_card_number(r)), _one("payment_card")))
            elif roll < 0.6:
                pan = v.unnoticed_card_number(r)
                cols["payment"].append((_unt_cybersource(r, pan[:6] + "X" * (len(pan) - 10) + pan[-4:]), NONE))
            else:
                cols["payment"].append(("", NONE))
            roll = r.random()
            if roll < 0.1:
                auth = v.b64(f"headend-sync:{v.unnoticed_password(r)}".encode())
                cols["head_end_call"].append((f"GET /api/v2/reads?since=2026-01-01 Authorization: Basic {auth}",
                                              _one("basic_auth")))  # fmt: skip
            elif roll < 0.18:
                text = f"Authorization: Bearer {v.unnoticed_grafana_cloud_token(r)}"
                cols["head_end_call"].append((text, _one("bearer_token")))
            elif roll < 0.25:
                text = f"POST /api/v2/metrics/ingest Authorization: Api-Token {v.unnoticed_dynatrace_token(r)}"
                cols["head_end_call"].append((text, _one("generic_secret")))
            else:
                cols["head_end_call"].append(("GET /api/v2/reads?since=2026-01-01 Authorization: Basic ***", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"customer wants a call before the visit: {v.unnoticed_phone(r, regions)}"
                cols["reader_note"].append((text, _one("phone")))
            elif roll < 0.15:
                text = f"handheld locked again, temporary password {v.unnoticed_password(r)}"
                cols["reader_note"].append((text, _one("credential_phrase")))
            else:
                cols["reader_note"].append((r.choice(notes), NONE))
            cols["firmware"].append((f"{r.randrange(1, 6)}.{r.randrange(0, 20)}.{r.randrange(0, 9)}", NONE))
        table = CorpusTable("meter_reads")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    # ------------------------------------------------------------------------ unremarked shapes and tables

    def _unremarked_vendor(self, names: tuple[str, str]) -> tuple[dict[str, str], str]:
        """A request's headers with a vendor's key and the key's label: the shared vendors, OpenAI service-account keys,
        Yandex Cloud's ``Api-Key``, Deepgram's ``Token``, AssemblyAI's bare key and ElevenLabs' ``xi-api-key`` (secrets
        of vendors with no detector of their own), IONOS Cloud JWTs, and Stability AI, Luma and Runway keys as
        bearers."""
        r = self.r
        gen, label, header, scheme = r.choice(_UNREMARKED_VENDORS)
        return {header: scheme + gen(r), names[1]: "application/json"}, label

    def _unremarked_dump(self, head: dict[str, str]) -> str:
        """The gateway's request as one of seven clients prints it: an Elixir ``%HTTPoison.Request{}`` in a Logger line,
        http4s' client ``Logger`` (it prints ``<REDACTED>`` for ``Authorization``, never for a vendor's own key header),
        a Thunder Client collection export, ``xh --offline``, a Flutter app's ``print`` of a Dart ``http`` request in
        logcat, PHP's ``print_r(curl_getinfo($ch))`` with ``CURLINFO_HEADER_OUT`` or Burp Suite's "Copy as
        requests"; ``self._dump_masked`` says whether the key was hidden."""
        r = self.r
        self._dump_masked = False
        lower = {k.lower(): val for k, val in head.items()}
        host, path = _unremarked_endpoint(lower)
        title = {k: "-".join(p.capitalize() for p in k.split("-")) if k not in ("x-api-key", "xi-api-key") else k
                 for k in lower}  # fmt: skip
        length = r.randrange(120, 4000)
        shape = r.randrange(7)
        if shape == 0:
            pairs = ", ".join(f'{{"{k}", "{val}"}}' for k, val in lower.items())
            return (
                f"{contexts._urm_clock(r)}.{r.randrange(0, 1000):03d} [error] upstream "
                f"{v.pick(r, 'timeout', 'closed', 'econnrefused')} %HTTPoison.Request{{method: :post, url: "
                f'"https://{host}{path}", headers: [{pairs}], body: "{{\\"stream\\":false}}", params: %{{}}, '
                f"options: [recv_timeout: {v.pick(r, '30000', '60000')}]}}"
            )
        if shape == 1:
            self._dump_masked = "authorization" in lower
            shown = ", ".join(
                f"{title[k]}: {'<REDACTED>' if k == 'authorization' else val}" for k, val in lower.items()
            )
            return (
                f'HTTP/1.1 POST https://{host}{path} Headers({shown}, Content-Length: {length}) body="<{length} bytes>"'
            )
        if shape == 2:
            doc = {
                "clientName": "Thunder Client",
                "collectionName": v.pick(r, "LLM gateway", "PAYG assistant", "Visa desk bot"),
                "collectionId": v.unremarked_uuid(r),
                "dateExported": f"2026-01-{r.randrange(10, 28)}T{contexts._urm_clock(r)}.{r.randrange(0, 1000):03d}Z",
                "version": "1.2",
                "folders": [],
                "requests": [
                    {
                        "_id": v.unremarked_uuid(r),
                        "name": v.pick(r, "chat", "generate", "answer"),
                        "url": f"https://{host}{path}",
                        "method": "POST",
                        "sortNum": 10000 * r.randrange(1, 9),
                        "headers": [{"name": title[k], "value": val} for k, val in lower.items()],
                        "body": {"type": "json", "raw": "", "form": []},
                        "tests": [],
                    }
                ],
            }
            return json.dumps(doc, indent=r.choice((None, 2)))
        if shape == 3:
            shown_headers = {"Accept": "application/json, */*;q=0.5", "Accept-Encoding": "gzip, deflate, br, zstd",
                             **{title[k]: val for k, val in lower.items()}, "Connection": "keep-alive",
                             "Content-Length": str(length), "Host": host, "User-Agent": "xh/0.24.1"}  # fmt: skip
            return f"POST {path} HTTP/1.1\n" + "\n".join(f"{k}: {val}" for k, val in sorted(shown_headers.items()))
        if shape == 4:
            shown = ", ".join(f"{k}: {val}" for k, val in lower.items())
            return f"I/flutter ({r.randrange(2000, 32000):5d}): POST https://{host}{path} {{{shown}}}"
        if shape == 5:
            sent = [f"POST {path} HTTP/2", f"Host: {host}", "accept: */*"]
            sent += [f"{k}: {val}" for k, val in lower.items()] + [f"content-length: {length}"]
            request = "\n".join(sent)
            lines = [
                "Array",
                "(",
                f"    [url] => https://{host}{path}",
                "    [content_type] => application/json",
                f"    [http_code] => {v.pick(r, '200', '401', '429', '500')}",
                f"    [header_size] => {r.randrange(300, 900)}",
                f"    [request_size] => {length + r.randrange(200, 600)}",
                f"    [total_time] => {r.randrange(0, 30)}.{r.randrange(0, 10**6):06d}",
                f"    [request_header] => {request}",
                "",
                "",
                ")",
            ]
            return "\n".join(lines)
        port = 443 if ":" not in host else int(host.split(":")[1])
        burp_headers = {**{title[k]: val for k, val in lower.items()}, "Accept-Encoding": "gzip, deflate, br",
                        "Connection": "close"}  # fmt: skip
        return "\n".join(
            [
                "import requests",
                "",
                f'burp0_url = "https://{host.split(":")[0]}:{port}{path}"',
                f"burp0_headers = {json.dumps(burp_headers)}",
                'burp0_json={"stream": False}',
                "requests.post(burp0_url, headers=burp0_headers, json=burp0_json)",
            ]
        )

    def _unremarked_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object] | str, str, str]:
        """A request body and its reply with what each holds: Hugging Face's legacy ``conversational`` task (untagged
        past inputs and responses in, the conversation with the user's turn back), AI21's Jurassic-2 ``complete`` (a
        prompt in, the prompt echoed with the completions back), Vertex AI's PaLM ``text-bison`` (instances in,
        predictions back), Watson Assistant's v1 ``message`` (the text in, the input echoed with the output back), a
        Kore.ai webhook channel (a message in, its data back), Anthropic's legacy Text Completions (a
        ``Human:``/``Assistant:`` prompt in, a completion back) or a Petals server's ``generate`` fed a prompt in this
        split's markup."""
        r = self.r
        self._reply_echoes = False
        system = chat.SYSTEM_PROMPTS[lang]
        earlier = r.choice([ex for ex in chat.EXCHANGES[lang] if ex[1] != answer])
        tokens_in, tokens_out = r.randrange(12, 900), r.randrange(8, 1200)
        shape = r.randrange(7)
        body: dict[str, object]
        reply: dict[str, object]
        if shape == 0:
            self._reply_echoes = True
            body = {
                "inputs": {"past_user_inputs": [earlier[0]], "generated_responses": [earlier[1]], "text": user},
                "parameters": {"max_length": 512, "temperature": 0.7},
                "options": {"wait_for_model": True},
            }
            reply = {
                "generated_text": answer,
                "conversation": {"past_user_inputs": [earlier[0], user], "generated_responses": [earlier[1], answer]},
                "warnings": ["Setting `pad_token_id` to `eos_token_id`:2 for open-end generation."],
            }
            return body, reply, "", ""
        if shape == 1:
            self._reply_echoes = True
            body = {"prompt": user, "numResults": 1, "maxTokens": 400, "temperature": 0.4, "stopSequences": ["##"]}
            reply = {
                "id": v.unremarked_uuid(r),
                "prompt": {"text": user},
                "completions": [{"data": {"text": answer}, "finishReason": {"reason": "endoftext"}}],
            }
            return body, reply, "", ""
        if shape == 2:
            body = {
                "instances": [{"prompt": user}],
                "parameters": {"temperature": 0.2, "maxOutputTokens": 512, "topK": 40, "topP": 0.95},
            }
            reply = {
                "predictions": [
                    {
                        "content": answer,
                        "citationMetadata": {"citations": []},
                        "safetyAttributes": {"blocked": False, "categories": [], "scores": []},
                    }
                ],
                "metadata": {"tokenMetadata": {"inputTokenCount": {"totalTokens": tokens_in},
                                               "outputTokenCount": {"totalTokens": tokens_out}}},
            }  # fmt: skip
            return body, reply, "", ""
        if shape == 3:
            self._reply_echoes = True
            conversation = v.unremarked_uuid(r)
            context = {"conversation_id": conversation, "system": {"dialog_stack": [{"dialog_node": "root"}],
                                                                   "dialog_turn_counter": 1,
                                                                   "dialog_request_counter": 1}}  # fmt: skip
            body = {"input": {"text": user}, "context": context, "alternate_intents": False}
            reply = {
                "intents": [{"intent": v.pick(r, "payment_missing", "extend_rental", "visa_slot"), "confidence": 0.91}],
                "entities": [],
                "input": {"text": user},
                "output": {"generic": [{"response_type": "text", "text": answer}], "text": [answer],
                           "nodes_visited": [f"node_{r.randrange(1, 9)}_{v.luhn_free_number(r, 10**12, 2 * 10**12)}"],
                           "log_messages": []},
                "context": context,
            }  # fmt: skip
            return body, reply, "", ""
        if shape == 4:
            body = {
                "session": {"new": r.random() < 0.3},
                "message": {"type": "text", "val": user},
                "from": {"id": f"rider-{v.rand(r, v.HEX, 10)}"},
                "to": {"id": f"st-{v.unremarked_uuid(r)}"},
            }
            reply = {
                "data": [
                    {
                        "type": "text",
                        "val": answer,
                        "createdOn": (
                            f"2026-01-{r.randrange(10, 28)}T{contexts._urm_clock(r)}.{r.randrange(0, 1000):03d}Z"
                        ),
                        "messageId": f"ms-{v.unremarked_uuid(r)}",
                    }
                ],
                "_v": "v2",
            }
            return body, reply, "", ""
        if shape == 5:
            body = {
                "model": v.pick(r, "claude-2.1", "claude-instant-1.2"),
                "prompt": f"{system}\n\nHuman: {user}\n\nAssistant:",
                "max_tokens_to_sample": 512,
                "stop_sequences": ["\n\nHuman:"],
            }
            reply = {
                "type": "completion",
                "id": "compl_" + v.rand(r, v.ALNUM, 24),
                "completion": f" {answer}",
                "stop_reason": "stop_sequence",
                "model": body["model"],
            }
            return body, reply, "chat_template", ""
        body = {
            "model": v.pick(r, "petals-team/StableBeluga2", "meta-llama/Meta-Llama-3.1-405B-Instruct"),
            "inputs": _unremarked_markup(r.choice((0, 1, 3)), system, user, ""),
            "max_new_tokens": 256,
            "do_sample": 1,
            "temperature": 0.6,
        }
        reply = {"ok": True, "outputs": answer}
        return body, reply, "chat_template", ""

    def _unremarked_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then per language a turn in which the
        user pastes a password in the language's words (a credential phrase) and one or two in which they paste a key
        (its vendor's finding), a card number, an IBAN or a phone number, with an answer that does not repeat it; in a
        turn of that language when the conversation has one (the fourteen free turns all taken)."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unremarked_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        others = ("key", "card", "iban", "phone")
        extra = {"gd": ("iban",), "eo": ("phone",)}
        regions = PHONE_REGIONS[self.split]
        for k, lang in enumerate(chat.UNREMARKED_LANGUAGES):
            for kind in ("password", others[k % 4], *extra.get(lang, ())):
                free = [i for i in range(5, ROWS // 2) if i not in used]
                turn = next((i for i in free if exchanges[i][0] == lang), free[0])
                used.add(turn)
                prompt, answer = chat.UNREMARKED_SECRET_TURNS[lang][kind]
                if kind == "password":
                    text, label = prompt.format(password=v.unremarked_password(r)), "credential_phrase"
                elif kind == "key":
                    gen, label = r.choice(UNREMARKED_PASTED_KEYS)
                    text = prompt.format(key=gen(r))
                elif kind == "card":
                    card = v.unremarked_card(r, sep=v.pick(r, " ", "-", ""))
                    text, label = prompt.format(card=card), "payment_card"
                elif kind == "iban":
                    text, label = prompt.format(iban=v.unremarked_iban(r)), "iban"
                else:
                    text, label = prompt.format(phone=v.unremarked_phone(r, regions)), "phone"
                contents[2 * turn] = (text, _one(label))
                contents[2 * turn + 1] = (answer, NONE)

    def _unremarked_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as chat widgets, messaging APIs and help desks export it: a JivoChat ``chat_finished`` webhook
        (``visitor`` and ``agent`` messages), Sendbird's message list (a user and a bot, ``MESG``), Stream Chat's
        channel messages (the users' roles), VK's ``messages.getHistory`` (``out`` 0 and 1), Freshdesk's ticket
        conversations (``incoming`` true and false) or an Olark transcript (``MessageToOperator`` and
        ``MessageToVisitor``)."""
        r = self.r
        when = self._unremarked_when(iso=True)
        epoch = contexts._epoch(r)
        regions = PHONE_REGIONS[self.split]

        def num(n: int) -> int:  # a numeric id of ``n`` digits that reads as no phone number and fails Luhn
            return int(v.unremarked_digits(r, n, regions))

        doc: object
        if shape == 0:
            doc = {
                "event_name": "chat_finished",
                "chat_id": r.randrange(10**4, 10**6),
                "widget_id": v.rand(r, v.ALNUM, 10),
                "visitor": {"name": f"Visitor {r.randrange(100, 9999)}", "chats_count": r.randrange(1, 9)},
                "agents": [{"id": r.randrange(10**4, 10**5), "name": v.pick(r, "Айгуль", "Ильнур", "Support")}],
                "chat": {
                    "messages": [
                        {"timestamp": epoch, "type": "visitor", "message": ex[0]},
                        {"timestamp": epoch + r.randrange(5, 90), "type": "agent", "agent_id": 1, "message": ex[1]},
                    ],
                    "rate": v.pick(r, "positive", "none"),
                },
            }
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 1:
            channel = f"sendbird_group_channel_{num(9)}_{v.rand(r, v.HEX, 40)}"
            doc = {
                "messages": [
                    {
                        "type": "MESG",
                        "message_id": num(10),
                        "message": text,
                        "user": user,
                        "channel_url": channel,
                        "created_at": int(v.luhn_free_number(r, (epoch + i * 7) * 1000, (epoch + i * 7 + 1) * 1000)),
                        "custom_type": "",
                    }
                    for i, (user, text) in enumerate(
                        (
                            ({"user_id": f"rider-{v.rand(r, v.HEX, 8)}", "nickname": "", "role": ""}, ex[0]),
                            ({"user_id": "kinroute-support-bot", "nickname": "Kinroute", "role": "operator"}, ex[1]),
                        )
                    )
                ]
            }
            return json.dumps(doc, ensure_ascii=False)
        if shape == 2:
            doc = {
                "messages": [
                    {
                        "id": f"{user_id}-{v.unremarked_uuid(r)}",
                        "text": text,
                        "type": "regular",
                        "user": {"id": user_id, "role": role},
                        "created_at": when,
                        "cid": "messaging:support-" + v.rand(r, v.HEX, 8),
                    }
                    for user_id, role, text in (
                        (f"rider-{v.rand(r, v.HEX, 6)}", "user", ex[0]),
                        ("support-bot", "admin", ex[1]),
                    )
                ]
            }
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 3:
            peer = num(9)
            group = -num(9)
            doc = {
                "response": {
                    "count": 2,
                    "items": [
                        {"date": epoch + 30, "from_id": group, "id": 2, "out": 1, "peer_id": peer, "text": ex[1],
                         "conversation_message_id": 2, "important": False, "is_hidden": False},
                        {"date": epoch, "from_id": peer, "id": 1, "out": 0, "peer_id": peer, "text": ex[0],
                         "conversation_message_id": 1, "important": False, "is_hidden": False},
                    ],
                }
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=False)
        if shape == 4:
            ticket = r.randrange(1000, 99999)
            doc = [
                {
                    "body": f"<div>{html.escape(text)}</div>",
                    "body_text": text,
                    "id": num(11),
                    "incoming": incoming,
                    "private": False,
                    "user_id": num(11),
                    "source": 0,
                    "ticket_id": ticket,
                    "created_at": when,
                }
                for incoming, text in ((True, ex[0]), (False, ex[1]))
            ]
            return json.dumps(doc, ensure_ascii=False)
        doc = {
            "kind": "Conversation",
            "id": v.rand(r, v.ALNUM, 32),
            "items": [
                {"kind": "MessageToOperator", "nickname": f"Visitor {r.randrange(100, 9999)}", "body": ex[0],
                 "timestamp": f"{epoch}.{r.randrange(10, 99)}"},
                {"kind": "MessageToVisitor", "nickname": "Kinroute", "operatorId": str(num(7)),
                 "body": ex[1], "timestamp": f"{epoch + 40}.{r.randrange(10, 99)}"},
            ],
            "tags": [],
        }  # fmt: skip
        return json.dumps(doc, ensure_ascii=False)

    def _unremarked_when(self, iso: bool = False) -> str:
        """A time in one of the shapes this split's systems print (none a finding): ISO 8601 with Moscow's, Ufa's,
        Macau's, Réunion's, Kinshasa's, Bamako's or Guam's offset, a ``Z`` time with milliseconds (the only shape when
        ``iso``: what JSON APIs return), a Russian ``DD.MM.YYYY HH:MM``, epoch milliseconds or Guam's US
        ``MM/DD/YYYY hh:mm AM``."""
        r = self.r
        day, clock = r.randrange(10, 28), contexts._urm_clock(r)
        shape = 1 if iso else r.randrange(5)
        if shape == 0:
            offset = v.pick(r, "+03:00", "+05:00", "+08:00", "+04:00", "+01:00", "+00:00", "+10:00")
            return f"2026-01-{day}T{clock}{offset}"
        if shape == 1:
            return f"2026-01-{day}T{clock}.{r.randrange(0, 1000):03d}Z"
        if shape == 2:
            return f"{day}.01.2026 {clock[:5]}"
        if shape == 3:
            start = contexts._epoch(r) * 1000
            return v.luhn_free_number(r, start, start + 1000)
        return f"01/{day}/2026 {r.randrange(1, 13):02d}:{clock[3:5]} {v.pick(r, 'AM', 'PM')}"

    def car_rentals(self) -> CorpusTable:
        """A car rental's agreements in Réunion, Guam, Macau and Kosovo: the agreement, the VIN (17 characters with a
        long run of digits), the plate, the pick-up time, the driver's e-mail and phone (full or masked), the driving
        licence, the deposit (a card in Lyra's form or YooKassa's body, its masked form, cash or none), the refund
        account (a pain.001 transfer, a Paysera body, a bare IBAN or the card), the telematics call (an Ory JWT, an
        Airtable bearer, a Mapbox token in the query or the same masked), the damage note (now and then a phone number
        or a password a renter left), the odometer and the car's last position."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("agreement_no", "vin", "plate", "pickup_at", "driver_email", "driver_phone", "licence_no", "deposit",
                 "refund_account", "telematics_call", "damage_note", "odometer", "last_position")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = (
            "rayure pare-choc arrière, photo jointe",
            "后座有沙，已清潔",
            "Gërvishtje e vogël në derën e majtë",
            "returned with quarter tank, refuel fee charged",
            "jante avant droite frottée au parking de Cilaos",
            "",
        )
        letters = "ABCDEFGHJKLMNPRSTVWXYZ"  # plates skip I, O, Q and U
        for _ in range(ROWS):
            site = v.pick(r, "RE", "GU", "MO", "XK")
            cols["agreement_no"].append((f"RA-{site}-26-{r.randrange(1, 99999):05d}", NONE))
            cols["vin"].append((v.unremarked_vin(r), NONE))
            plate = {
                "RE": f"{v.rand(r, letters, 2)}-{r.randrange(100, 999)}-{v.rand(r, letters, 2)}",
                "GU": f"GUAM {v.rand(r, letters, 2)} {r.randrange(100, 999)}",
                "MO": f"M{v.rand(r, letters, 1)}-{r.randrange(10, 99)}-{r.randrange(10, 99)}",
                "XK": f"0{r.randrange(1, 8)}-{r.randrange(100, 999)}-{v.rand(r, letters, 2)}",
            }[site]
            cols["plate"].append((plate, NONE))
            cols["pickup_at"].append((self._unremarked_when(), NONE))
            cols["driver_email"].append((v.unremarked_email(r), _one("email")))
            if r.random() < 0.7:  # the renter's number, mostly of the site's region
                home = (site,) if r.random() < 0.7 else regions
                cols["driver_phone"].append((v.unremarked_phone(r, home), _one("phone")))
            else:
                cols["driver_phone"].append((f"+262 692 ** ** {r.randrange(10, 99)}", NONE))
            licence = v.unremarked_digits(r, 10, regions)
            cols["licence_no"].append((f"{licence[:2]} {licence[2:4]} {licence[4:]}", NONE))
            roll = r.random()
            if roll < 0.07:
                pan = v.unremarked_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["deposit"].append((_urm_payzen(r, pan), _one("payment_card")))
            elif roll < 0.12:
                cols["deposit"].append((_urm_yookassa(r, v.unremarked_card_number(r, "mir")), _one("payment_card")))
            elif roll < 0.55:
                pan = v.unremarked_card_number(r, "visa")
                cols["deposit"].append((f"vads_card_number={pan[:6]}XXXXXX{pan[-4:]}&vads_result=00", NONE))
            elif roll < 0.75:
                cols["deposit"].append(("cash deposit, receipt in the glovebox", NONE))
            else:
                cols["deposit"].append(("", NONE))
            roll = r.random()
            if roll < 0.15:
                iban = v.unremarked_iban(r, country=v.pick(r, "FR", "FR", "XK"), grouped=False)
                cols["refund_account"].append((_urm_pain001(r, iban), _one("iban")))
            elif roll < 0.25:
                cols["refund_account"].append((_urm_paysera(r, v.unremarked_iban(r, country="XK")), _one("iban")))
            elif roll < 0.4:
                cols["refund_account"].append((v.unremarked_iban(r, country="FR", grouped=True), _one("iban")))
            else:
                cols["refund_account"].append(("refund to the card used for the deposit", NONE))
            roll = r.random()
            if roll < 0.1:
                cols["telematics_call"].append((f"Authorization: Bearer {v.unremarked_ory_jwt(r)}", _one("jwt")))
            elif roll < 0.18:
                text = f"Authorization: Bearer {v.unremarked_airtable_pat(r)}"
                cols["telematics_call"].append((text, _one("bearer_token")))
            elif roll < 0.24:
                text = (f"GET /styles/v1/kinroute/fleet/static/55.53,-21.11,12/600x400?access_token="
                        f"{v.unremarked_mapbox_secret(r)}")  # fmt: skip
                cols["telematics_call"].append((text, _one("auth_token_assignment")))
            else:
                cols["telematics_call"].append(
                    ("GET /v2/fleet/positions?since=2026-01-01 Authorization: Bearer ***", NONE)
                )
            roll = r.random()
            if roll < 0.1:
                text = f"renter asks to be called before the inspection: {v.unremarked_phone(r, regions)}"
                cols["damage_note"].append((text, _one("phone")))
            elif roll < 0.15:
                text = f"renter left a note on the dash: app password {v.unremarked_password(r)}, please log out"
                cols["damage_note"].append((text, _one("credential_phrase")))
            else:
                cols["damage_note"].append((r.choice(notes), NONE))
            cols["odometer"].append((f"{r.randrange(1, 180)} {r.randrange(0, 1000):03d} km", NONE))
            lat, lon = v.pick(r, "-21.1151,55.5364", "13.4443,144.7937", "22.1987,113.5439", "42.6629,21.1655").split(
                ","
            )
            cols["last_position"].append((f"{lat}{r.randrange(10, 99)}, {lon}{r.randrange(10, 99)}", NONE))
        table = CorpusTable("car_rentals")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def solar_payg_accounts(self) -> CorpusTable:
        """A pay-as-you-go solar company's accounts in the DR Congo, Mali and Guinea: the account, the kit's serial, the
        customer's phone (mobile money; full or masked), the national id, the unlock token (20 digits in fours), the
        payment (an MTN MoMo request-to-pay naming the payer's number, an Orange Money reference, a card through
        Checkout.com or none), the agent's payout account (a BCEAO transfer order or a Rapyd payout with an IBAN, a
        national RIB, or mobile money), the gateway call (MoMo's subscription key, PayDunya's keys, MoMo's Basic token
        request or the same masked), the agent's note (now and then a phone number or a password), the kit's position
        and firmware."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("account_id", "kit_serial", "customer_phone", "national_id", "unlock_token", "payment",
                 "agent_payout", "gateway_call", "agent_note", "position", "firmware")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = (
            "kit installé, client satisfait",
            "batterie faible, revisite prévue la semaine prochaine",
            "client absent, voisin a reçu la notice",
            "panneau déplacé sur le toit du voisin, à vérifier",
            "upgrade to TV bundle requested",
            "",
        )
        for _ in range(ROWS):
            country = v.pick(r, "CD", "ML", "GN")
            cols["account_id"].append((f"PAYG-{country}-{v.rand(r, v.UPPER, 7)}", NONE))
            cols["kit_serial"].append((f"SHS-{v.unremarked_digits(r, 11, regions)}", NONE))
            if r.random() < 0.8:
                cols["customer_phone"].append((v.unremarked_phone(r, (country,)), _one("phone")))
            else:
                cols["customer_phone"].append((f"+243 99* *** {r.randrange(100, 999)}", NONE))
            national = {
                "CD": f"CE-{v.unremarked_digits(r, 10, regions)}",
                "ML": f"NINA {v.unremarked_digits(r, 15, regions)}",
                "GN": f"CNI {v.unremarked_digits(r, 13, regions)}",
            }[country]
            cols["national_id"].append((national, NONE))
            cols["unlock_token"].append((v.unremarked_sts_token(r), NONE))
            roll = r.random()
            if roll < 0.12:
                digits = "".join(c for c in v.unremarked_phone(r, regions, True) if c.isdigit()).removeprefix("00")
                body = {"amount": str(r.randrange(5, 90) * 500), "currency": v.pick(r, "CDF", "XOF", "GNF"),
                        "externalId": str(r.randrange(10**6, 10**7)),
                        "payer": {"partyIdType": "MSISDN", "partyId": digits},
                        "payerMessage": "Paiement kit solaire", "payeeNote": "PAYG"}  # fmt: skip
                cols["payment"].append((json.dumps(body, ensure_ascii=False), _one("phone")))
            elif roll < 0.35:
                ref = f"MP2601{r.randrange(10, 28)}.{r.randrange(1000, 2359)}.C{r.randrange(10000, 99999)}"
                text = f"Orange Money réf. {ref}"
                cols["payment"].append((text, NONE))
            elif roll < 0.42:
                pan = v.unremarked_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["payment"].append((_urm_checkout(r, pan), _one("payment_card")))
            else:
                cols["payment"].append(("", NONE))
            roll = r.random()
            if roll < 0.12:
                iban = v.unremarked_iban(r, country=v.pick(r, "ML", "SN"), grouped=True)
                cols["agent_payout"].append((_urm_bceao_order(r, iban), _one("iban")))
            elif roll < 0.22:
                cols["agent_payout"].append(
                    (_urm_rapyd(r, v.unremarked_iban(r, country=v.pick(r, "ML", "SN"))), _one("iban"))
                )
            elif roll < 0.3:
                cols["agent_payout"].append((f"RIB {v.unremarked_uemoa_rib(r)}", NONE))
            else:
                cols["agent_payout"].append(("mobile money", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"POST /collection/v1_0/requesttopay Ocp-Apim-Subscription-Key: {v.unremarked_momo_key(r)}"
                cols["gateway_call"].append((text, _one("generic_secret")))
            elif roll < 0.18:
                master, private, token = v.unremarked_paydunya_keys(r)
                text = f"PAYDUNYA-MASTER-KEY: {master} PAYDUNYA-PRIVATE-KEY: {private} PAYDUNYA-TOKEN: {token}"
                cols["gateway_call"].append((text, _one("generic_secret")))
            elif roll < 0.24:
                auth = _urm_basic(v.unremarked_uuid(r), v.unremarked_momo_key(r))
                cols["gateway_call"].append(
                    (f"POST /collection/token/ Authorization: Basic {auth}", _one("basic_auth"))
                )
            else:
                cols["gateway_call"].append(
                    ("POST /collection/v1_0/requesttopay Ocp-Apim-Subscription-Key: ****", NONE)
                )
            roll = r.random()
            if roll < 0.1:
                text = f"le client préfère être appelé au {v.unremarked_phone(r, regions)}"
                cols["agent_note"].append((text, _one("phone")))
            elif roll < 0.15:
                text = f"client bloqué dans l'appli, son mot de passe est {v.unremarked_password(r)} — réinitialiser"
                cols["agent_note"].append((text, _one("credential_phrase")))
            else:
                cols["agent_note"].append((r.choice(notes), NONE))
            lat, lon = {"CD": ("-4.3", "15.3"), "ML": ("12.6", "-8.0"), "GN": ("9.6", "-13.5")}[country]
            cols["position"].append((f"{lat}{r.randrange(100, 999)}, {lon}{r.randrange(100, 999)}", NONE))
            cols["firmware"].append((f"{r.randrange(2, 5)}.{r.randrange(0, 20)}.{r.randrange(0, 30)}", NONE))
        table = CorpusTable("solar_payg_accounts")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def visa_applications(self) -> CorpusTable:
        """A visa centre's applications from Russia, Kosovo, Guinea, Mali, the DR Congo and Macau: the application, the
        passport number and its MRZ, the applicant's e-mail and phone (or none), the appointment, the fee payment (a
        card in a Checkout.com body, its BIN and last four, or paid at the centre), the bank statement (a camt.054
        entry or a bare IBAN, a 1C client-bank export with Russian accounts, BIKs and INNs, or none), the portal call
        (an IAP assertion, a Strapi bearer or the same stripped), the consular note (now and then a phone number or a
        password an applicant wrote) and the nationality."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("application_no", "passport_no", "mrz", "applicant_email", "applicant_phone", "appointment_at",
                 "fee_payment", "bank_statement", "portal_call", "consular_note", "nationality")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        people = (
            ("RUS", "YUSUPOVA", "AIGUL"),
            ("RUS", "SOKOLOV", "DMITRY"),
            ("RKS", "KRASNIQI", "ARBEN"),
            ("RKS", "BERISHA", "VLORA"),
            ("GIN", "DIALLO", "MAMADOU"),
            ("MLI", "TRAORE", "OUMAR"),
            ("COD", "MBUYI", "GLOIRE"),
            ("CHN", "LEONG", "KA<WAI"),
        )
        notes = (
            "bank statement older than 3 months, asked for a new one",
            "приглашение приложено, страховка до 30.06",
            "ftesa e bashkangjitur, sigurimi i vlefshëm",
            "biometrics taken, passport returned",
            "",
        )
        for _ in range(ROWS):
            nationality, surname, given = r.choice(people)
            cols["application_no"].append((f"VA-{nationality}-{v.rand(r, v.UPPER, 8)}", NONE))
            number = v.unremarked_digits(r, 9, regions)
            passport = f"{number[:2]} {number[2:]}" if nationality == "RUS" else f"P0{number[:7]}"
            cols["passport_no"].append((passport, NONE))
            cols["mrz"].append((v.unremarked_mrz(r, surname, given, nationality), NONE))
            cols["applicant_email"].append((v.unremarked_email(r), _one("email")))
            if r.random() < 0.75:  # the applicant's number, mostly of their country
                home = {"RUS": "RU", "RKS": "XK", "GIN": "GN", "MLI": "ML", "COD": "CD", "CHN": "MO"}[nationality]
                cols["applicant_phone"].append(
                    (v.unremarked_phone(r, (home,) if r.random() < 0.8 else regions), _one("phone"))
                )
            else:
                cols["applicant_phone"].append(("", NONE))
            cols["appointment_at"].append((self._unremarked_when(), NONE))
            roll = r.random()
            if roll < 0.12:
                pan = v.unremarked_card_number(r, v.pick(r, "visa", "mastercard", "unionpay", "jcb"))
                cols["fee_payment"].append((_urm_checkout(r, pan), _one("payment_card")))
            elif roll < 0.55:
                pan = v.unremarked_card_number(r, "visa")
                text = json.dumps({"bin": pan[:6], "last4": pan[-4:], "scheme": "Visa", "status": "Authorized"})
                cols["fee_payment"].append((text, NONE))
            else:
                cols["fee_payment"].append(("paid at the centre (cash)", NONE))
            roll = r.random()
            if roll < 0.15:
                iban = v.unremarked_iban(r, country=v.pick(r, "RU", "XK", "FR"), grouped=False)
                cols["bank_statement"].append((_urm_camt054(r, iban), _one("iban")))
            elif roll < 0.25:
                cols["bank_statement"].append(
                    (v.unremarked_iban(r, country=v.pick(r, "RU", "XK"), grouped=True), _one("iban"))
                )
            elif roll < 0.4:
                cols["bank_statement"].append((_urm_1c_export(r), NONE))
            else:
                cols["bank_statement"].append(("", NONE))
            roll = r.random()
            if roll < 0.12:
                cols["portal_call"].append((f"x-goog-iap-jwt-assertion: {v.unremarked_iap_jwt(r)}", _one("jwt")))
            elif roll < 0.2:
                text = f"Authorization: Bearer {v.unremarked_strapi_token(r)}"
                cols["portal_call"].append((text, _one("bearer_token")))
            else:
                cols["portal_call"].append(("x-goog-iap-jwt-assertion: <stripped by the load balancer>", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"applicant can only be reached on {v.unremarked_phone(r, regions)} while travelling"
                cols["consular_note"].append((text, _one("phone")))
            elif roll < 0.15:
                secret = v.unremarked_password(r)
                text = f"applicant wrote her portal password on the form ({secret}), advised to change it"
                cols["consular_note"].append((text, _one("credential_phrase")))
            else:
                cols["consular_note"].append((r.choice(notes), NONE))
            cols["nationality"].append((nationality, NONE))
        table = CorpusTable("visa_applications")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    # ------------------------------------------------------------------------ unforeseen shapes and tables

    def _unforeseen_vendor(self, names: tuple[str, str]) -> tuple[dict[str, str], str]:
        """A request's headers with a vendor's key and the key's label: the shared vendors, Azure AI Inference's
        ``api-key``, Leonardo's and Hetzner's bearers, Ideogram's ``Api-Key``, HeyGen's ``X-Api-Key``, Synthesia's bare
        key, Cartesia's ``X-API-Key``, PlayHT's ``AUTHORIZATION`` and Resemble's ``Token token=`` (secrets of vendors
        with no detector of their own) and ZITADEL JWTs."""
        r = self.r
        gen, label, header, scheme = r.choice(_UNFORESEEN_VENDORS)
        return {header: scheme + gen(r), names[1]: "application/json"}, label

    def _unforeseen_dump(self, head: dict[str, str]) -> str:
        """The gateway's request as one of seven tools prints it: JMeter's View Results Tree (the sampler's request
        tab), Gatling's debug log of the request, a Charles Proxy session export (``.chlsj``), Python's
        ``urllib.request.Request.header_items()``, ``curl --libcurl`` C source, a Clojure ``clj-http`` request map with
        ``:debug`` and a VS Code REST Client ``.http`` request (whose key is often a ``{{variable}}``: then
        ``self._dump_masked``)."""
        r = self.r
        self._dump_masked = False
        lower = {k.lower(): val for k, val in head.items()}
        host, path = _unforeseen_endpoint(lower)
        title = {k: "-".join(p.capitalize() for p in k.split("-")) for k in lower}
        length = r.randrange(120, 4000)
        shape = r.randrange(7)
        if shape == 0:
            lines = [f"POST https://{host}{path}", "", "POST data:", '{"stream": false}', "", "[no cookies]", "",
                     "Request Headers:"]  # fmt: skip
            lines += [f"{title[k]}: {val}" for k, val in lower.items()]
            lines += [
                f"Content-Length: {length}",
                f"Host: {host}",
                "User-Agent: Apache-HttpClient/4.5.14 (Java/21.0.5)",
            ]
            return "\n".join(lines)
        if shape == 1:
            shown = "\n".join(f"\t{k}: {val}" for k, val in lower.items())
            return (
                f"{contexts._ufs_clock(r)}.{r.randrange(0, 1000):03d} [gatling-1-{r.randrange(2, 9)}] DEBUG "
                "io.gatling.http.engine.response.DefaultStatsProcessor - Request 'chat' failed: status.find.is(200), "
                f"but actually found {v.pick(r, '401', '429', '500')}\n=========================\nHTTP request:\n"
                f"POST https://{host}{path}\nheaders:\n{shown}\n\tcontent-length: {length}\n"
                "body:StringChunksRequestBody"
                "{contentType='application/json', charset=UTF-8, content={\"stream\": false}}"
            )
        if shape == 2:
            doc = [
                {
                    "status": "COMPLETE",
                    "method": "POST",
                    "protocolVersion": "HTTP/1.1",
                    "scheme": "https",
                    "host": host,
                    "actualPort": 443,
                    "path": path,
                    "query": None,
                    "tunnel": False,
                    "keptAlive": True,
                    "webSocket": False,
                    "remoteAddress": None,
                    "request": {
                        "sizes": {"headers": r.randrange(200, 900), "body": length},
                        "mimeType": "application/json",
                        "header": {
                            "firstLine": f"POST {path} HTTP/1.1",
                            "headers": [{"name": k, "value": val} for k, val in lower.items()],
                        },
                    },
                }
            ]
            return json.dumps(doc, indent=r.choice((None, 2)))
        if shape == 3:
            items = [(k.capitalize(), val) for k, val in lower.items()]
            return f"urllib request https://{host}{path} {items!r}"
        if shape == 4:
            lines = ["/********* Sample code generated by the curl command line tool **********", " */",
                     "#include <curl/curl.h>", "", "int main(int argc, char *argv[])", "{", "  CURLcode ret;",
                     "  CURL *hnd;", "  struct curl_slist *slist1;", "", "  slist1 = NULL;"]  # fmt: skip
            lines += [f'  slist1 = curl_slist_append(slist1, "{title[k]}: {val}");' for k, val in lower.items()]
            lines += ["", "  hnd = curl_easy_init();", f'  curl_easy_setopt(hnd, CURLOPT_URL, "https://{host}{path}");',
                      "  curl_easy_setopt(hnd, CURLOPT_HTTPHEADER, slist1);",
                      '  curl_easy_setopt(hnd, CURLOPT_CUSTOMREQUEST, "POST");',
                      "  ret = curl_easy_perform(hnd);"]  # fmt: skip
            return "\n".join(lines)
        if shape == 5:
            shown = ", ".join(f'"{k}" "{val}"' for k, val in lower.items())
            return (
                f'Request: {{:scheme :https, :server-name "{host}", :server-port nil, :uri "{path}", '
                f':request-method :post, :headers {{{shown}}}, :body "{{\\"stream\\":false}}", :debug true}}'
            )
        masked = r.random() < 0.4
        self._dump_masked = masked and any(k in lower for k in _UNFORESEEN_KEY_HEADERS)
        lines = ["### chat", f"POST https://{host}{path} HTTP/1.1"]
        for k, val in lower.items():
            if masked and k in _UNFORESEEN_KEY_HEADERS:
                scheme = val.split(" ", 1)[0] + " " if " " in val else ""
                val = scheme + "{{" + v.pick(r, "apiKey", "token", "$dotenv API_KEY", "$processEnv GATEWAY_KEY") + "}}"
            lines.append(f"{title[k]}: {val}")
        return "\n".join([*lines, "", '{"stream": false}'])

    def _unforeseen_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object] | str, str, str]:
        """A request body and its reply with what each holds: Azure AI Inference's chat completions (role messages in
        and back), AI Horde's text generation (a prompt in this split's markup in, generations back), a LangServe
        chain's ``/invoke`` (a question in, an AI message back), a Gradio ``ChatInterface`` call (the message and the
        history as pairs in, the history with the answer back), NovelAI's ``/ai/generate`` (a bare prompt in, the output
        back), an Alexa skill's request and response (the utterance in a slot in, speech back) or a Lepton AI
        ``/v1/completions`` (a prompt in this split's markup in, text back)."""
        r = self.r
        self._reply_echoes = False
        system = chat.SYSTEM_PROMPTS[lang]
        earlier = r.choice([ex for ex in chat.EXCHANGES[lang] if ex[1] != answer])
        shape = r.randrange(7)
        body: dict[str, object]
        reply: dict[str, object]
        if shape == 0:
            body = {
                "model": v.pick(r, "Phi-4", "Mistral-Large-2411", "Llama-3.3-70B-Instruct"),
                "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
                "temperature": 0.3,
            }
            reply = {
                "id": v.unforeseen_uuid(r).replace("-", ""),
                "object": "chat.completion",
                "model": body["model"],
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": answer, "tool_calls": None}}],
                "usage": {"prompt_tokens": r.randrange(20, 900), "completion_tokens": r.randrange(8, 900)},
            }  # fmt: skip
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 1:
            body = {
                "prompt": _unforeseen_markup(r.choice((1, 2, 3)), system, user, ""),
                "params": {"n": 1, "max_context_length": 4096, "max_length": 240, "temperature": 0.7},
                "models": [v.pick(r, "koboldcpp/L3-8B-Stheno-v3.2", "aphrodite/Qwen2.5-14B-Instruct")],
                "trusted_workers": False,
            }
            reply = {
                "generations": [{"text": answer, "model": body["models"][0], "state": "ok",  # type: ignore[index]
                                 "worker_id": v.unforeseen_uuid(r), "worker_name": "hub-gpu-01"}],
                "finished": 1, "processing": 0, "done": True, "faulted": False, "kudos": r.randrange(5, 40),
            }  # fmt: skip
            return body, reply, "chat_template", ""
        if shape == 2:
            body = {"input": {"question": user}, "config": {"configurable": {"session_id": v.unforeseen_uuid(r)}}}
            reply = {
                "output": {"content": answer, "additional_kwargs": {}, "response_metadata": {}, "type": "ai",
                           "name": None, "id": f"run-{v.unforeseen_uuid(r)}"},
                "metadata": {"run_id": v.unforeseen_uuid(r), "feedback_tokens": []},
            }  # fmt: skip
            return body, reply, "", "chat_role_json"
        if shape == 3:
            self._reply_echoes = True
            body = {"data": [user, [[earlier[0], earlier[1]]]], "event_data": None, "fn_index": r.randrange(1, 9),
                    "trigger_id": r.randrange(10, 90),
                    "session_hash": v.rand(r, "abcdefghijklmnopqrstuvwxyz0123456789", 11)}  # fmt: skip
            reply = {"data": [[[earlier[0], earlier[1]], [user, answer]]], "is_generating": False,
                     "duration": round(r.uniform(0.4, 9.0), 3),
                     "average_duration": round(r.uniform(0.4, 9.0), 3)}  # fmt: skip
            return body, reply, "", ""
        if shape == 4:
            body = {
                "input": user,
                "model": v.pick(r, "llama-3-erato-v1", "kayra-v1"),
                "parameters": {"temperature": 1.1, "max_length": 150, "min_length": 1, "use_string": True},
            }
            return body, {"output": answer}, "", ""
        if shape == 5:
            body = {
                "version": "1.0",
                "session": {"new": False, "sessionId": f"amzn1.echo-api.session.{v.unforeseen_uuid(r)}",
                            "application": {"applicationId": f"amzn1.ask.skill.{v.unforeseen_uuid(r)}"}},
                "request": {"type": "IntentRequest", "requestId": f"amzn1.echo-api.request.{v.unforeseen_uuid(r)}",
                            "locale": "en-GB", "intent": {"name": "AskSupportIntent",
                                                          "slots": {"query": {"name": "query", "value": user}}}},
            }  # fmt: skip
            reply = {
                "version": "1.0",
                "response": {"outputSpeech": {"type": "PlainText", "text": answer}, "shouldEndSession": False},
            }
            return body, reply, "", ""
        body = {
            "model": v.pick(r, "llama3-1-8b", "qwen2-72b", "mistral-7b"),
            "prompt": _unforeseen_markup(r.choice((0, 4, 5)), system, user, ""),
            "max_tokens": 512,
            "stop": ["<|END_OF_TURN_TOKEN|>", "\n\nBob:", "<|im_end|>"],
        }
        reply = {"id": f"cmpl-{v.rand(r, v.ALNUM, 24)}", "object": "text_completion",
                 "choices": [{"index": 0, "text": answer, "finish_reason": "stop"}]}  # fmt: skip
        return body, reply, "chat_template", ""

    def _unforeseen_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then per language a turn in which the
        user pastes a password in the language's words (a credential phrase) and one or two in which they paste a key
        (its vendor's finding), a card number, an IBAN or a phone number, with an answer that does not repeat it; in a
        turn of that language when the conversation has one (the free turns taken in order)."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unforeseen_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        others = ("key", "card", "iban", "phone")
        extra = {"ckb": ("iban",), "ceb": ("phone",)}
        regions = PHONE_REGIONS[self.split]
        for k, lang in enumerate(chat.UNFORESEEN_LANGUAGES):
            for kind in ("password", others[k % 4], *extra.get(lang, ())):
                free = [i for i in range(5, ROWS // 2) if i not in used]
                turn = next((i for i in free if exchanges[i][0] == lang), free[0])
                used.add(turn)
                prompt, answer = chat.UNFORESEEN_SECRET_TURNS[lang][kind]
                if kind == "password":
                    text, label = prompt.format(password=v.unforeseen_password(r)), "credential_phrase"
                elif kind == "key":
                    gen, label = r.choice(UNFORESEEN_PASTED_KEYS)
                    text = prompt.format(key=gen(r))
                elif kind == "card":
                    card = v.unforeseen_card(r, sep=v.pick(r, " ", "-", ""))
                    text, label = prompt.format(card=card), "payment_card"
                elif kind == "iban":
                    text, label = prompt.format(iban=v.unforeseen_iban(r)), "iban"
                else:
                    text, label = prompt.format(phone=v.unforeseen_phone(r, regions)), "phone"
                contents[2 * turn] = (text, _one(label))
                contents[2 * turn + 1] = (answer, NONE)

    def _unforeseen_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as chat widgets, team chats and help desks export it: Tidio's conversation messages
        (``visitor`` and ``operator``), Re:amaze's messages (``customer`` and ``staff`` users), HappyFox's ticket
        updates (``by`` a contact or a staff member), Zulip's ``GET /messages`` (senders' names and ids, the client),
        the WhatsApp Cloud API's inbound webhook message with the reply the bot sent, or Kayako's posts (``creator``
        with a role)."""
        r = self.r
        when = self._unforeseen_when(iso=True)
        epoch = contexts._epoch(r)
        doc: object
        if shape == 0:
            doc = {
                "conversation_id": v.unforeseen_uuid(r),
                "messages": [
                    {"id": r.randrange(10**6, 10**7), "type": "visitor", "message": {"text": ex[0]},
                     "created_at": when},
                    {"id": r.randrange(10**6, 10**7), "type": "operator", "operator_id": r.randrange(100, 999),
                     "message": {"text": ex[1]}, "created_at": when},
                ],
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 1:
            doc = {
                "messages": [
                    {"body": ex[0], "created_at": when, "user": {"name": "Customer", "staff?": False},
                     "origin": 0, "visibility": 0},
                    {"body": ex[1], "created_at": when, "user": {"name": "Hub Nord support", "staff?": True},
                     "origin": 0, "visibility": 0},
                ],
                "page_size": 30,
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=False)
        if shape == 2:
            doc = {
                "id": r.randrange(1000, 99999),
                "display_id": f"#TK{r.randrange(10000, 99999)}",
                "updates": [
                    {"by": {"type": "contact", "id": r.randrange(10, 9999)}, "message": {"text": ex[0]},
                     "timestamp": when},
                    {"by": {"type": "staff", "id": r.randrange(1, 40)}, "message": {"text": ex[1]},
                     "timestamp": when},
                ],
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 3:
            doc = {
                "result": "success",
                "messages": [
                    {"id": r.randrange(10**5, 10**6), "sender_id": r.randrange(10, 99), "sender_full_name": "Member",
                     "content": ex[0], "client": "ZulipMobile", "timestamp": epoch, "type": "stream",
                     "subject": "door access"},
                    {"id": r.randrange(10**5, 10**6), "sender_id": r.randrange(100, 199), "sender_full_name": "Helpbot",
                     "content": ex[1], "client": "ZulipPython", "timestamp": epoch + 20, "type": "stream",
                     "subject": "door access", "is_me_message": False},
                ],
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=False)
        if shape == 4:
            wa = f"wamid.HBgM{v.rand(r, v.ALNUM, 40)}"
            inbound = {"id": wa, "timestamp": str(epoch), "type": "text", "text": {"body": ex[0]}}
            doc = {
                "object": "whatsapp_business_account",
                "entry": [{"id": str(v.unforeseen_digits(r, 15)), "changes": [
                    {"field": "messages", "value": {"messaging_product": "whatsapp", "messages": [inbound]}}]}],
                "bot_reply": {"messaging_product": "whatsapp", "recipient_type": "individual",
                              "context": {"message_id": wa}, "type": "text", "text": {"body": ex[1]}},
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=False)
        doc = {
            "status": 200,
            "data": [
                {"id": r.randrange(10**4, 10**5), "contents": ex[0],
                 "creator": {"id": r.randrange(10, 9999), "resource_type": "user", "role": "customer"},
                 "created_at": when},
                {"id": r.randrange(10**4, 10**5), "contents": ex[1],
                 "creator": {"id": r.randrange(1, 40), "resource_type": "user", "role": "agent"},
                 "created_at": when},
            ],
        }  # fmt: skip
        return json.dumps(doc, ensure_ascii=r.random() < 0.5)

    def _unforeseen_when(self, iso: bool = False) -> str:
        """A time in one of the shapes this split's systems print (none a finding): ISO 8601 with the Faroes', Iran's,
        Sudan's, Syria's, Palestine's, Jersey's or French Guiana's offset, a ``Z`` time with milliseconds (the only
        shape when ``iso``), a Persian (Solar Hijri) date, a British ``DD/MM/YYYY HH:MM`` or epoch seconds."""
        r = self.r
        day, clock = r.randrange(10, 28), contexts._ufs_clock(r)
        shape = 1 if iso else r.randrange(5)
        if shape == 0:
            offset = v.pick(r, "+00:00", "+03:30", "+02:00", "+03:00", "-03:00")
            return f"2026-01-{day}T{clock}{offset}"
        if shape == 1:
            return f"2026-01-{day}T{clock}.{r.randrange(0, 1000):03d}Z"
        if shape == 2:
            return f"1404/10/{r.randrange(20, 30)} {clock[:5]}"
        if shape == 3:
            return f"{day}/01/2026 {clock[:5]}"
        return str(contexts._epoch(r))

    def coworking_memberships(self) -> CorpusTable:
        """A coworking space's members in Jersey, the Isle of Man and the Faroe Islands: the member, the e-mail, the
        phone (full or masked), the plan, the door card's UID (hex), the direct debit (a pain.008 transaction, a
        Bankline row, a bare IBAN or a card on file shown masked), the front desk's note (now and then a phone number or
        a Wi-Fi password), the last invoice number and the desk."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("member_id", "member_email", "member_phone", "plan", "door_card_uid", "direct_debit", "desk_note",
                 "invoice_no", "desk")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = ("prefers the quiet room", "locker 14 assigned", "parcel waiting at reception", "Gjalt fyri januar",
                 "asked about meeting room rates", "")  # fmt: skip
        for _ in range(ROWS):
            site = v.pick(r, "JE", "IM", "FO")
            cols["member_id"].append((f"MBR-{site}-{v.rand(r, v.UPPER, 6)}", NONE))
            cols["member_email"].append((v.unforeseen_email(r), _one("email")))
            if r.random() < 0.75:
                cols["member_phone"].append(
                    (v.unforeseen_phone(r, (site,) if r.random() < 0.8 else regions), _one("phone"))
                )
            else:
                cols["member_phone"].append((f"+44 7797 ***{r.randrange(100, 999)}", NONE))
            cols["plan"].append((v.pick(r, "hot desk", "fixed desk", "day pass x10", "private office (2)"), NONE))
            cols["door_card_uid"].append((":".join(v.rand(r, "0123456789ABCDEF", 2) for _ in range(7)), NONE))
            roll = r.random()
            if roll < 0.15:
                iban = v.unforeseen_iban(r, country=v.pick(r, "GB", "FO"))
                cols["direct_debit"].append((_ufs_pain008(r, iban), _one("iban")))
            elif roll < 0.25:
                cols["direct_debit"].append((_ufs_bankline(r, v.unforeseen_iban(r, country="GB")), _one("iban")))
            elif roll < 0.35:
                cols["direct_debit"].append(
                    (v.unforeseen_iban(r, country=v.pick(r, "GB", "FO"), grouped=True), _one("iban"))
                )
            elif roll < 0.6:
                pan = v.unforeseen_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["direct_debit"].append((f"card on file {pan[:4]} **** **** {pan[-4:]}", NONE))
            else:
                cols["direct_debit"].append(("invoice, 30 days", NONE))
            roll = r.random()
            if roll < 0.1:
                cols["desk_note"].append((f"call before delivering: {v.unforeseen_phone(r, regions)}", _one("phone")))
            elif roll < 0.16:
                secret = v.unforeseen_password(r)
                text = f"member asked for the guest wifi, told her it's {secret} (password changes monthly)"
                cols["desk_note"].append((text, _one("credential_phrase")))
            else:
                cols["desk_note"].append((r.choice(notes), NONE))
            cols["invoice_no"].append((f"INV-2026-{v.unforeseen_digits(r, 7)}", NONE))
            cols["desk"].append((f"{v.pick(r, 'A', 'B', 'C')}{r.randrange(1, 40)}", NONE))
        table = CorpusTable("coworking_memberships")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def ev_charging_sessions(self) -> CorpusTable:
        """A charging network's sessions in French Guiana, the Faroe Islands and Jersey: the session, the EVSE id, the
        OCPP idTag, the driver's phone (or none), the start, the energy, the payment (a terminal's log with the PAN, an
        OCPP ``DataTransfer`` with one, the masked card, the roaming contract), the roaming call (an OCPI ``Token``, a
        ZITADEL JWT, a Hetzner bearer or the same masked), the driver's note (now and then a phone number or a charger
        code) and the firmware (four dotted numbers)."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("session_id", "evse_id", "id_tag", "driver_phone", "started_at", "kwh", "payment", "roaming_call",
                 "driver_note", "firmware")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = ("câble bloqué, débloqué à distance", "charged to 80%", "connector 2 out of order", "hleðsla steðgaði",
                 "")  # fmt: skip
        for _ in range(ROWS):
            site = v.pick(r, "GF", "FO", "JE")
            cols["session_id"].append((v.unforeseen_uuid(r), NONE))
            operator = {"GF": "FR", "JE": "GB", "FO": "FO"}[site]
            cols["evse_id"].append((f"{operator}*UFS*E{v.unforeseen_digits(r, 6)}*{r.randrange(1, 3)}", NONE))
            cols["id_tag"].append((v.rand(r, "0123456789ABCDEF", 8), NONE))
            if r.random() < 0.6:
                cols["driver_phone"].append(
                    (v.unforeseen_phone(r, (site,) if r.random() < 0.8 else regions), _one("phone"))
                )
            else:
                cols["driver_phone"].append(("", NONE))
            cols["started_at"].append((self._unforeseen_when(), NONE))
            cols["kwh"].append((f"{r.randrange(2, 80)}.{r.randrange(0, 1000):03d}", NONE))
            roll = r.random()
            if roll < 0.08:
                pan = v.unforeseen_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["payment"].append((_ufs_terminal(r, pan), _one("payment_card")))
            elif roll < 0.14:
                payload = {"vendorId": "ufs.adhoc", "messageId": "CardPayment",
                           "data": json.dumps({"pan": v.unforeseen_card_number(r, "visa"),
                                               "amount": _ufs_amount(r)})}  # fmt: skip
                cols["payment"].append((_ufs_ocpp("DataTransfer", payload, r), _one("payment_card")))
            elif roll < 0.5:
                pan = v.unforeseen_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["payment"].append((f"PAN={pan[:6]}******{pan[-4:]} AUTH={v.rand(r, v.UPPER, 6)}", NONE))
            else:
                cols["payment"].append((f"roaming contract FR-UFS-C{v.rand(r, v.UPPER, 8)}-{r.randrange(0, 10)}", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"GET /ocpi/2.2/sessions Authorization: Token {v.unforeseen_ocpi_token(r)}"
                cols["roaming_call"].append((text, _one("generic_secret")))
            elif roll < 0.18:
                cols["roaming_call"].append((f"Authorization: Bearer {v.unforeseen_zitadel_jwt(r)}", _one("jwt")))
            elif roll < 0.24:
                text = f"Authorization: Bearer {v.unforeseen_hetzner_token(r)}"
                cols["roaming_call"].append((text, _one("bearer_token")))
            else:
                cols["roaming_call"].append(("GET /ocpi/2.2/sessions Authorization: Token ****", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"driver left a number for the technician: {v.unforeseen_phone(r, regions)}"
                cols["driver_note"].append((text, _one("phone")))
            elif roll < 0.15:
                text = f"technician note: service menu password set to {v.unforeseen_password(r)} on this post"
                cols["driver_note"].append((text, _one("credential_phrase")))
            else:
                cols["driver_note"].append((r.choice(notes), NONE))
            cols["firmware"].append(
                (f"{r.randrange(1, 6)}.{r.randrange(0, 30)}.{r.randrange(0, 200)}.{r.randrange(0, 255)}", NONE)
            )
        table = CorpusTable("ev_charging_sessions")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def aid_registrations(self) -> CorpusTable:
        """An aid agency's cash-assistance registrations in Palestine, Sudan, Syria and Iran: the household, the head of
        household's phone (full, masked or none), the national id, the household size, the transfer (a distribution
        manifest or an Iranian payout with an IBAN, a Syrian account, a mobile wallet), the SMS gateway call
        (Kavenegar's key in the path, Ghasedak's ``apikey``, a Mailgun Basic pair or the same masked), the case note
        (now and then a phone number or a password a caseworker wrote down), the location and the registration date."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("household_id", "head_phone", "national_id", "household_size", "transfer", "sms_gateway_call",
                 "case_note", "location", "registered_at")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = ("أسرة نازحة، تحتاج متابعة", "household relocated to the northern camp",
                 "خانواده به کمک فوری نیاز دارد",
                 "documents verified", "")  # fmt: skip
        places = {
            "PS": ("31.50", "34.46"),
            "SD": ("15.55", "32.53"),
            "SY": ("36.20", "37.13"),
            "IR": ("35.69", "51.39"),
        }
        for _ in range(ROWS):
            country = v.pick(r, "PS", "SD", "SY", "IR")
            cols["household_id"].append((f"HH-{country}-{r.randrange(10000, 99999)}", NONE))
            roll = r.random()
            if roll < 0.7:
                cols["head_phone"].append(
                    (v.unforeseen_phone(r, (country,) if r.random() < 0.8 else regions), _one("phone"))
                )
            elif roll < 0.85:
                code = {"PS": 970, "SD": 249, "SY": 963, "IR": 98}[country]
                cols["head_phone"].append((f"+{code} *** *** {r.randrange(100, 999)}", NONE))
            else:
                cols["head_phone"].append(("", NONE))
            cols["national_id"].append((f"ID {v.unforeseen_digits(r, 9 if country == 'PS' else 10)}", NONE))
            cols["household_size"].append((str(r.randrange(1, 12)), NONE))
            roll = r.random()
            if roll < 0.15 and country in ("PS", "SD"):
                iban = v.unforeseen_iban(r, country=country, grouped=False)
                cols["transfer"].append((_ufs_aid_manifest(r, iban), _one("iban")))
            elif roll < 0.3 and country == "IR":
                cols["transfer"].append((_ufs_payout_ir(r, v.unforeseen_iban(r, country="IR")), _one("iban")))
            elif country == "SY" and roll < 0.4:
                cols["transfer"].append((f"حساب {v.unforeseen_syrian_account(r)}", NONE))
            else:
                cols["transfer"].append((v.pick(r, "mobile wallet", "cash in hand", "voucher"), NONE))
            roll = r.random()
            if roll < 0.08:
                text = f"POST https://api.kavenegar.com/v1/{v.unforeseen_kavenegar_key(r)}/sms/send.json"
                cols["sms_gateway_call"].append((text, _one("generic_secret")))
            elif roll < 0.16:
                cols["sms_gateway_call"].append((f"apikey: {v.unforeseen_ghasedak_key(r)}", _one("generic_secret")))
            elif roll < 0.22:
                auth = _ufs_basic("api", v.unforeseen_mailgun_key(r))
                cols["sms_gateway_call"].append((f"Authorization: Basic {auth}", _one("basic_auth")))
            else:
                cols["sms_gateway_call"].append(("POST /v1/{API-KEY}/sms/send.json", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"neighbour's phone for contact: {v.unforeseen_phone(r, regions)}"
                cols["case_note"].append((text, _one("phone")))
            elif roll < 0.15:
                secret = v.unforeseen_password(r)
                text = f"beneficiary portal password given on paper: {secret} — ask to change at next visit"
                cols["case_note"].append((text, _one("credential_phrase")))
            else:
                cols["case_note"].append((r.choice(notes), NONE))
            lat, lon = places[country]
            cols["location"].append((f"{lat}{r.randrange(10, 99)}, {lon}{r.randrange(10, 99)}", NONE))
            cols["registered_at"].append((self._unforeseen_when(), NONE))
        table = CorpusTable("aid_registrations")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    # ------------------------------------------------------------------------ unguessed shapes and tables

    def _unguessed_vendor(self, names: tuple[str, str]) -> tuple[dict[str, str], str]:
        """A request's headers with a vendor's key and the key's label: the shared vendors, Retell's, Soniox's, Meshy's
        and Recraft's bearers, LMNT's and Hedra's ``X-API-Key``, Murf's ``api-key``, Mindee's ``Token`` (secrets of
        vendors with no detector of their own) and Kling's self-signed JWTs; the host it went to is kept for the
        dump."""
        r = self.r
        gen, label, header, scheme, target = r.choice(_UNGUESSED_VENDORS)
        self._ugs_target = target
        return {header: scheme + gen(r), names[1]: "application/json"}, label

    def _unguessed_dump(self, head: dict[str, str]) -> str:
        """The gateway's request as one of seven tools prints it: ``ngrep -W byline`` on the egress proxy's port (the
        two private addresses named), ``tcpflow -c`` (its zero-padded address pair), ``tshark -V``'s HTTP layer,
        Playwright's ``DEBUG=pw:api``, a Puppeteer ``request`` handler's ``console.log``, Swift's ``print`` of a
        ``URLRequest`` and its ``allHTTPHeaderFields``, or a Yaak request export (whose key is often a ``${[ VAR ]}``
        template: then ``self._dump_masked``). ``self._ugs_dump_labels`` holds what the dump names besides the
        headers."""
        r = self.r
        self._dump_masked = False
        self._ugs_dump_labels = NONE
        target = self._ugs_target or _unguessed_endpoint(head)
        self._ugs_target = None
        host, path = target
        lower = {k.lower(): val for k, val in head.items()}
        title = {k: "-".join(p.capitalize() for p in k.split("-")) for k in lower}
        length = r.randrange(120, 4000)
        shape = r.randrange(7)
        if shape in (0, 1):
            src = (10, r.randrange(0, 255), r.randrange(0, 255), r.randrange(2, 254))
            dst = (10, src[1], src[2], r.randrange(2, 254))
            sport = r.randrange(32768, 60999)
            self._ugs_dump_labels = _one("ipv4")
            lines = [f"POST {path} HTTP/1.1", f"Host: {host}", "User-Agent: python-httpx/0.28.1"]
            lines += [f"{title[k]}: {val}" for k, val in lower.items()]
            lines += [f"Content-Length: {length}", ""]
            if shape == 0:
                head_line = (
                    f"T {'.'.join(map(str, src))}:{sport} -> {'.'.join(map(str, dst))}:3128 [AP] #{r.randrange(4, 90)}"
                )
                return head_line + "\n" + "\n".join(f"{line}." for line in lines)
            pad = "-".join(
                ".".join(f"{o:03d}" for o in addr) + f".{port:05d}" for addr, port in ((src, sport), (dst, 3128))
            )
            return f"{pad}: " + "\\r\\n".join(lines) + "\\r\\n"
        if shape == 2:
            out = ["Hypertext Transfer Protocol", f"    POST {path} HTTP/1.1\\r\\n",
                   f"        [Expert Info (Chat/Sequence): POST {path} HTTP/1.1\\r\\n]", "        Request Method: POST",
                   f"        Request URI: {path}", "        Request Version: HTTP/1.1",
                   f"    Host: {host}\\r\\n"]  # fmt: skip
            out += [f"    {title[k]}: {val}\\r\\n" for k, val in lower.items()]
            out += [
                f"    Content-Length: {length}\\r\\n",
                "    \\r\\n",
                f"    [Full request URI: https://{host}{path}]",
            ]
            return "\n".join(out)
        if shape == 3:
            out = ["  pw:api → apiRequestContext.post started +0ms", f"  pw:api → POST https://{host}{path} +1ms",
                   "  pw:api   user-agent: Playwright/1.49.1 (x64; ubuntu 24.04) node/22.11 +0ms"]  # fmt: skip
            out += [f"  pw:api   {k}: {val} +0ms" for k, val in lower.items()]
            out += [
                f"  pw:api ← {v.pick(r, '401 Unauthorized', '429 Too Many Requests', '200 OK')} "
                f"+{r.randrange(80, 900)}ms"
            ]
            return "\n".join(out)
        if shape == 4:
            entries = [f"{_node_key(k)}: {_node_string(val)}" for k, val in lower.items()]
            return f"POST https://{host}{path} {{\n  " + ",\n  ".join(entries) + "\n}"
        if shape == 5:
            fields = ", ".join(f'"{title[k]}": "{val}"' for k, val in lower.items())
            return f"https://{host}{path}\nOptional([{fields}])"
        masked = r.random() < 0.4
        self._dump_masked = masked and any(k in lower for k in _UNGUESSED_KEY_HEADERS)
        auth_type, auth, headers = None, {}, []
        for k, val in lower.items():
            if masked and k in _UNGUESSED_KEY_HEADERS:
                scheme = val.split(" ", 1)[0] + " " if " " in val else ""
                val = scheme + "${[ " + v.pick(r, "API_KEY", "GATEWAY_TOKEN", "VENDOR_KEY") + " ]}"
            if k == "authorization" and val.startswith("Bearer "):
                auth_type, auth = "bearer", {"token": val.removeprefix("Bearer ")}
            else:
                headers.append({"enabled": True, "name": title[k], "value": val})
        doc = {"model": "http_request", "id": "rq_" + v.rand(r, v.ALNUM, 10),
               "workspaceId": "wk_" + v.rand(r, v.ALNUM, 10),
               "name": "chat", "method": "POST", "url": f"https://{host}{path}", "authenticationType": auth_type,
               "authentication": auth, "headers": headers, "bodyType": "application/json",
               "body": {"text": '{"stream": false}'}}  # fmt: skip
        return json.dumps(doc, indent=r.choice((None, 2)))

    def _unguessed_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object] | str, str, str]:
        """A request body and its reply with what each holds: Chatbase's ``/api/v1/chat`` (role messages in, bare text
        back), a Dust agent conversation (the message in, the conversation with the user's and the agent's messages
        back), a Vellum prompt deployment (a chat history input in, a string output back), a Mastra agent's
        ``generate`` (role messages in, text and response messages back), a Langflow flow's ``/run`` (a chat input in,
        the outputs with the input and a ``Machine`` message back), Venice's chat completions (role messages in and
        back) or Parasail's ``/v1/completions`` (a prompt in this split's markup in, text back)."""
        r = self.r
        self._reply_echoes = False
        system = chat.SYSTEM_PROMPTS[lang]
        earlier = r.choice([ex for ex in chat.EXCHANGES[lang] if ex[1] != answer])
        shape = r.randrange(7)
        body: dict[str, object]
        reply: dict[str, object]
        if shape == 0:
            body = {
                "messages": [{"content": earlier[0], "role": "user"}, {"content": earlier[1], "role": "assistant"},
                             {"content": user, "role": "user"}],
                "chatbotId": v.rand(r, v.ALNUM, 21), "stream": False, "temperature": 0,
                "conversationId": v.unguessed_uuid(r),
            }  # fmt: skip
            return body, {"text": answer}, "chat_role_json", ""
        if shape == 1:
            self._reply_echoes = True
            body = {
                "message": {"content": user, "mentions": [{"configurationId": "helper"}],
                            "context": {"timezone": v.pick(r, "America/Havana", "Europe/Mariehamn", "Pacific/Niue"),
                                        "username": "support-widget", "origin": "api"}},
                "blocking": True, "title": None, "visibility": "unlisted",
            }  # fmt: skip
            reply = {
                "conversation": {"sId": v.rand(r, v.ALNUM, 10), "content": [
                    [{"type": "user_message", "sId": v.rand(r, v.ALNUM, 10), "content": user}],
                    [{"type": "agent_message", "sId": v.rand(r, v.ALNUM, 10), "status": "succeeded",
                      "content": answer}]]}
            }  # fmt: skip
            return body, reply, "", "chat_role_json"
        if shape == 2:
            body = {
                "prompt_deployment_name": "ferry-support",
                "inputs": [{"type": "CHAT_HISTORY", "name": "chat_history",
                            "value": [{"role": "USER", "text": earlier[0]}, {"role": "ASSISTANT", "text": earlier[1]},
                                      {"role": "USER", "text": user}]},
                           {"type": "STRING", "name": "locale", "value": lang}],
            }  # fmt: skip
            reply = {"state": "FULFILLED", "execution_id": v.unguessed_uuid(r),
                     "outputs": [{"type": "STRING", "value": answer}]}  # fmt: skip
            return body, reply, "chat_role_json", ""
        if shape == 3:
            body = {"messages": [{"role": "user", "content": user}], "threadId": v.unguessed_uuid(r),
                    "resourceId": f"guest-{v.rand(r, v.HEX, 8)}"}  # fmt: skip
            reply = {
                "text": answer, "finishReason": "stop",
                "usage": {"promptTokens": r.randrange(20, 900), "completionTokens": r.randrange(8, 900)},
                "response": {"id": f"msg-{v.rand(r, v.ALNUM, 24)}",
                             "messages": [{"role": "assistant", "content": [{"type": "text", "text": answer}]}]},
            }  # fmt: skip
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 4:
            self._reply_echoes = True
            session = v.unguessed_uuid(r)
            body = {"input_value": user, "input_type": "chat", "output_type": "chat", "session_id": session}
            reply = {
                "session_id": session,
                "outputs": [{"inputs": {"input_value": user}, "outputs": [{"results": {"message": {
                    "text": answer, "sender": "Machine", "sender_name": "AI", "session_id": session}}}]}],
            }  # fmt: skip
            return body, reply, "", "chat_role_json"
        if shape == 5:
            body = {
                "model": v.pick(r, "venice-uncensored", "llama-3.3-70b", "qwen3-235b"),
                "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
                "venice_parameters": {"include_venice_system_prompt": False, "enable_web_search": "off"},
            }
            reply = {"id": f"chatcmpl-{v.rand(r, v.HEX, 32)}", "object": "chat.completion", "model": body["model"],
                     "choices": [{"index": 0, "finish_reason": "stop",
                                  "message": {"role": "assistant", "content": answer,
                                              "reasoning_content": None}}]}  # fmt: skip
            return body, reply, "chat_role_json", "chat_role_json"
        body = {
            "model": v.pick(r, "parasail-llava-v1.5-13b", "parasail-deepseek-coder-33b", "parasail-smollm3-3b"),
            "prompt": _unguessed_markup(r.choice((0, 2, 4)), system, user, ""),
            "max_tokens": 512,
            "stop": ["</s>", "<|EOT|>", "<|im_end|>"],
        }
        reply = {"id": f"cmpl-{v.rand(r, v.HEX, 32)}", "object": "text_completion",
                 "choices": [{"index": 0, "text": answer, "finish_reason": "stop"}]}  # fmt: skip
        return body, reply, "chat_template", ""

    def _unguessed_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then per language a turn in which the
        user pastes a password in the language's words (a credential phrase) and one or two in which they paste a key
        (its vendor's finding), a card number, an IBAN or a phone number, with an answer that does not repeat it; in a
        turn of that language when the conversation has one (the free turns taken in order)."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unguessed_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        others = ("key", "card", "iban", "phone")
        extra = {"as": ("iban",), "bho": ("phone",)}
        regions = PHONE_REGIONS[self.split]
        for k, lang in enumerate(chat.UNGUESSED_LANGUAGES):
            for kind in ("password", others[k % 4], *extra.get(lang, ())):
                free = [i for i in range(5, ROWS // 2) if i not in used]
                turn = next((i for i in free if exchanges[i][0] == lang), free[0])
                used.add(turn)
                prompt, answer = chat.UNGUESSED_SECRET_TURNS[lang][kind]
                if kind == "password":
                    text, label = prompt.format(password=v.unguessed_password(r)), "credential_phrase"
                elif kind == "key":
                    gen, label = r.choice(UNGUESSED_PASTED_KEYS)
                    text = prompt.format(key=gen(r))
                elif kind == "card":
                    card = v.unguessed_card(r, sep=v.pick(r, " ", "-", ""))
                    text, label = prompt.format(card=card), "payment_card"
                elif kind == "iban":
                    text, label = prompt.format(iban=v.unguessed_iban(r)), "iban"
                else:
                    text, label = prompt.format(phone=v.unguessed_phone(r, regions)), "phone"
                contents[2 * turn] = (text, _one(label))
                contents[2 * turn + 1] = (answer, NONE)

    def _unguessed_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as chat services and help desks export it: a Matrix room's ``/messages`` chunk
        (``m.room.message`` events of a guest and a bot), Zoho Desk's ticket threads (``in`` from an end user, ``out``
        from an agent), Trengo's ticket messages (``INBOUND`` and ``OUTBOUND``), a WeChat Official Account's inbound XML
        message and the passive XML reply, a Kakao i OpenBuilder skill request and its response, or Helpshift's issue
        messages (authors with roles)."""
        r = self.r
        when = self._unguessed_when(iso=True)
        epoch = contexts._epoch(r)
        doc: object
        if shape == 0:
            room = f"!{v.rand(r, v.ALNUM, 18)}:matrix.ferry.ax"
            doc = {
                "chunk": [
                    {"type": "m.room.message", "room_id": room,
                     "sender": f"@guest_{v.rand(r, v.HEX, 6)}:matrix.ferry.ax",
                     "content": {"msgtype": "m.text", "body": ex[0]}, "origin_server_ts": epoch * 1000,
                     "event_id": f"${v.rand(r, v.B64URL, 43)}"},
                    {"type": "m.room.message", "room_id": room, "sender": "@helpbot:matrix.ferry.ax",
                     "content": {"msgtype": "m.notice", "body": ex[1]}, "origin_server_ts": epoch * 1000 + 2200,
                     "event_id": f"${v.rand(r, v.B64URL, 43)}"},
                ],
                "start": f"t{r.randrange(100, 999)}-{r.randrange(1000, 9999)}", "end": f"t{r.randrange(100, 999)}",
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 1:
            doc = {
                "data": [
                    {"id": str(r.randrange(1000, 99999)), "channel": "CHAT", "direction": "in", "createdTime": when,
                     "author": {"type": "END_USER", "name": "Guest"}, "content": ex[0], "contentType": "text/plain"},
                    {"id": str(r.randrange(1000, 99999)), "channel": "CHAT", "direction": "out", "createdTime": when,
                     "author": {"type": "AGENT", "name": "Ferry support"}, "content": ex[1],
                     "contentType": "text/plain"},
                ]
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=False)
        if shape == 2:
            doc = {
                "data": [
                    {"id": r.randrange(10**5, 10**6), "type": "INBOUND", "message": ex[0], "created_at": when,
                     "contact": {"name": "Guest", "channel": "WEB_CHAT"}},
                    {"id": r.randrange(10**5, 10**6), "type": "OUTBOUND", "message": ex[1], "created_at": when,
                     "agent": {"first_name": "Dive desk"}},
                ]
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 3:
            account, follower = f"gh_{v.rand(r, v.HEX, 12)}", "o" + v.rand(r, v.B64URL, 27)
            inbound = (
                f"<xml><ToUserName><![CDATA[{account}]]></ToUserName><FromUserName><![CDATA[{follower}]]></FromUserName>"
                f"<CreateTime>{epoch}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{ex[0]}]]>"
                f"</Content><MsgId>{v.unguessed_clean_digits(r, 19, '2')}</MsgId></xml>"
            )
            reply = (
                f"<xml><ToUserName><![CDATA[{follower}]]></ToUserName><FromUserName><![CDATA[{account}]]></FromUserName>"
                f"<CreateTime>{epoch + 1}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{ex[1]}]]>"
                "</Content></xml>"
            )
            return inbound + "\n" + reply
        if shape == 4:
            doc = {
                "request": {"intent": {"id": v.rand(r, v.HEX, 24), "name": "fallback"},
                            "userRequest": {"timezone": "Asia/Seoul", "utterance": ex[0], "lang": None,
                                            "user": {"id": v.rand(r, v.HEX, 64), "type": "botUserKey"}},
                            "bot": {"id": v.rand(r, v.HEX, 24), "name": "ferry-helper"}},
                "response": {"version": "2.0", "template": {"outputs": [{"simpleText": {"text": ex[1]}}]}},
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=False)
        doc = {
            "issue_id": f"{v.pick(r, 'ferryax', 'divebq')}_{r.randrange(100, 9999)}",
            "messages": [
                {"id": v.rand(r, v.HEX, 16), "author": {"name": "Guest", "roles": ["user"]}, "body": ex[0],
                 "created_at": epoch * 1000, "origin": "mobile"},
                {"id": v.rand(r, v.HEX, 16), "author": {"name": "Ferry bot", "roles": ["bot"]}, "body": ex[1],
                 "created_at": epoch * 1000 + 900, "origin": "bot"},
            ],
        }  # fmt: skip
        return json.dumps(doc, ensure_ascii=r.random() < 0.5)

    def _unguessed_when(self, iso: bool = False) -> str:
        """A time in one of the shapes this split's systems print (none a finding): ISO 8601 with Cuba's, Åland's, the
        Antilles', the Central African Republic's or Niue's offset, a ``Z`` time with milliseconds (the only shape
        when ``iso``), a Finnish ``22.1.2026 klo 10.11``, an American ``01/22/2026 10:11 AM`` or epoch seconds."""
        r = self.r
        day, clock = r.randrange(10, 28), contexts._ugs_clock(r)
        shape = 1 if iso else r.randrange(5)
        if shape == 0:
            offset = v.pick(r, "-05:00", "+02:00", "-04:00", "+01:00", "-11:00")
            return f"2026-01-{day}T{clock}{offset}"
        if shape == 1:
            return f"2026-01-{day}T{clock}.{r.randrange(0, 1000):03d}Z"
        if shape == 2:
            return f"{day}.1.2026 klo {clock[:5].replace(':', '.')}"
        if shape == 3:
            return f"01/{day}/2026 {r.randrange(1, 13):02d}:{clock[3:5]} {v.pick(r, 'AM', 'PM')}"
        return str(contexts._epoch(r))

    def ferry_bookings(self) -> CorpusTable:
        """A ferry line's bookings between Åland, Finland and Sweden: the booking, the passenger's e-mail and phone
        (full or masked), the vehicle, the cabin, the payment (an acquirer's ISO 8583 dump or a kiosk receipt with the
        PAN, or the card masked), the refund (a camt.053 entry or a pacs.008 transfer with an IBAN, an RF creditor
        reference), the SMS gateway call (GatewayAPI's token as a Basic user, a body with the passenger's MSISDN, or
        masked), the purser's note (now and then a phone number or a password written down), the sailing time and the
        loyalty number."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("booking_ref", "passenger_email", "passenger_phone", "vehicle_reg", "cabin", "payment", "refund",
                 "sms_gateway_call", "purser_note", "sailing", "loyalty_no")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = ("passenger with wheelchair, lift deck 5", "pet cabin requested", "Bil med släpvagn", "no show",
                 "gruppbokning, 12 pers.", "")  # fmt: skip
        for _ in range(ROWS):
            cols["booking_ref"].append((f"VX{v.rand(r, v.UPPER, 6)}", NONE))
            cols["passenger_email"].append((v.unguessed_email(r), _one("email")))
            if r.random() < 0.7:
                cols["passenger_phone"].append(
                    (v.unguessed_phone(r, ("AX",) if r.random() < 0.7 else regions), _one("phone"))
                )
            else:
                cols["passenger_phone"].append((f"+358 18 *** {r.randrange(10, 99)}", NONE))
            cols["vehicle_reg"].append(
                (
                    v.pick(
                        r,
                        f"ÅL-{r.randrange(100, 99999)}",
                        f"{v.rand(r, 'ABCEFGHJKLMNPRSTUVXYZ', 3)}-{r.randrange(1, 999)}",
                    ),
                    NONE,
                )
            )
            cols["cabin"].append((v.pick(r, "A2-8214", "B4-6021", "deck", "C-class 2 berth"), NONE))
            roll = r.random()
            if roll < 0.1:
                pan = v.unguessed_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["payment"].append((_ugs_iso8583(r, pan), _one("payment_card")))
            elif roll < 0.18:
                cols["payment"].append(
                    (_ugs_receipt(r, v.unguessed_card(r, v.pick(r, "visa", "mastercard"))), _one("payment_card"))
                )
            elif roll < 0.55:
                pan = v.unguessed_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["payment"].append((f"{pan[:4]} **** **** {pan[-4:]} AUTH {v.rand(r, v.UPPER, 6)}", NONE))
            else:
                cols["payment"].append(("on board, cash", NONE))
            roll = r.random()
            if roll < 0.12:
                cols["refund"].append((_ugs_camt053(r, v.unguessed_iban(r, country="FI")), _one("iban")))
            elif roll < 0.2:
                cols["refund"].append(
                    (_ugs_pacs008(r, v.unguessed_iban(r, country=v.pick(r, "FI", "SE"))), _one("iban"))
                )
            elif roll < 0.3:
                cols["refund"].append((f"bill reference {v.unguessed_rf_reference(r)}", NONE))
            else:
                cols["refund"].append(("", NONE))
            roll = r.random()
            if roll < 0.1:
                auth = _ugs_basic(v.unguessed_gatewayapi_token(r), "")
                cols["sms_gateway_call"].append((f"POST /rest/mtsms Authorization: Basic {auth}", _one("basic_auth")))
            elif roll < 0.2:
                msisdn = v.unguessed_msisdn(r, v.pick(r, "AX", "AX", "VI", "GP"))
                body = {
                    "sender": "VikingX",
                    "message": "Your sailing departs 30 min late",
                    "recipients": [{"msisdn": int(msisdn)}],
                }
                cols["sms_gateway_call"].append((json.dumps(body), _one("phone")))
            else:
                cols["sms_gateway_call"].append(("POST /rest/mtsms Authorization: Basic ****", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"passenger asked to be called before boarding: {v.unguessed_phone(r, regions)}"
                cols["purser_note"].append((text, _one("phone")))
            elif roll < 0.15:
                text = f"bridge tablet pin/password changed to {v.unguessed_password(r)} (tell the night shift)"
                cols["purser_note"].append((text, _one("credential_phrase")))
            else:
                cols["purser_note"].append((r.choice(notes), NONE))
            cols["sailing"].append((self._unguessed_when(), NONE))
            cols["loyalty_no"].append((f"CLUB {v.unguessed_clean_digits(r, 10)}", NONE))
        table = CorpusTable("ferry_bookings")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def dive_bookings(self) -> CorpusTable:
        """A dive operator's bookings on Bonaire and St. Thomas: the diver's e-mail and phone, the emergency contact
        (a name and a phone number, or none), the certification number, the payment (a Clover body or track 2 data with
        the PAN, or masked), the booking integration's call (a Calendly token, a Klaviyo private key, a Nylas bearer
        or masked), the instructor's note, the site's coordinates and the planned depth."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("diver_email", "diver_phone", "emergency_contact", "cert_no", "payment", "booking_api_call",
                 "instructor_note", "site_gps", "max_depth_m")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = ("equalizing issues, keep shallow", "nitrox certified", "rental BCD size M", "lionfish hunt briefing",
                 "")  # fmt: skip
        for _ in range(ROWS):
            cols["diver_email"].append((v.unguessed_email(r), _one("email")))
            cols["diver_phone"].append(
                (v.unguessed_phone(r, ("BQ", "VI") if r.random() < 0.7 else regions), _one("phone"))
            )
            if r.random() < 0.5:
                who = v.pick(r, "Ruthmilda Martis (mother)", "Dwayne Smith (partner)", "Ketty Rose")
                text = f"{who}: {v.unguessed_phone(r, regions)}"
                cols["emergency_contact"].append((text, _one("phone")))
            else:
                cols["emergency_contact"].append(("same as diver", NONE))
            cols["cert_no"].append((f"{v.pick(r, 'PADI', 'SSI', 'NAUI')} {v.unguessed_clean_digits(r, 10)}", NONE))
            roll = r.random()
            if roll < 0.1:
                cols["payment"].append(
                    (_ugs_clover(r, v.unguessed_card_number(r, v.pick(r, "visa", "mastercard"))), _one("payment_card"))
                )
            elif roll < 0.16:
                cols["payment"].append((_ugs_track2(r, v.unguessed_card_number(r, "visa")), _one("payment_card")))
            elif roll < 0.6:
                pan = v.unguessed_card_number(r, v.pick(r, "visa", "mastercard", "discover"))
                cols["payment"].append((f"clv_{v.rand(r, v.ALNUM, 20)} •••• {pan[-4:]}", NONE))
            else:
                cols["payment"].append(("pay at the shop", NONE))
            roll = r.random()
            if roll < 0.08:
                cols["booking_api_call"].append((f"Authorization: Bearer {v.unguessed_calendly_jwt(r)}", _one("jwt")))
            elif roll < 0.16:
                text = f"Authorization: Klaviyo-API-Key {v.unguessed_klaviyo_pair(r)[1]}"
                cols["booking_api_call"].append((text, _one("generic_secret")))
            elif roll < 0.22:
                cols["booking_api_call"].append(
                    (f"Authorization: Bearer {v.unguessed_nylas_key(r)}", _one("bearer_token"))
                )
            else:
                cols["booking_api_call"].append(("Authorization: Bearer ${NYLAS_API_KEY}", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"diver's hotel front desk: {v.unguessed_phone(r, regions)}"
                cols["instructor_note"].append((text, _one("phone")))
            elif roll < 0.15:
                text = f"compressor room door code and shop wifi: {v.unguessed_password(r)}"
                cols["instructor_note"].append((text, _one("credential_phrase")))
            else:
                cols["instructor_note"].append((r.choice(notes), NONE))
            site = v.pick(r, "BQ", "VI")
            lat, lon = ("12.1", "-68.2") if site == "BQ" else ("18.3", "-64.9")
            cols["site_gps"].append((f"{lat}{r.randrange(100, 999)}, {lon}{r.randrange(100, 999)}", NONE))
            cols["max_depth_m"].append((str(r.randrange(6, 40)), NONE))
        table = CorpusTable("dive_bookings")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def topup_orders(self) -> CorpusTable:
        """A mobile top-up and money-transfer reseller's orders to Cuba, the Central African Republic and Niue: the
        order, the recipient's number, the sender's e-mail, the sender's card (a Clover body with the PAN, or masked),
        the payout (a CEMAC transfer with an IBAN, a Cuban account, a New Zealand account, none), the provider call
        (Reloadly's client credentials as Basic, DingConnect's ``api_key`` or masked), the agent's note (now and then a
        phone number or a password), the voucher serial and the time."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("order_id", "recipient_phone", "sender_email", "sender_card", "payout", "provider_call", "agent_note",
                 "voucher_serial", "created_at")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = ("recarga doble promo", "recipient confirmed by SMS", "frais de scolarité", "fakaaue lahi", "")
        for _ in range(ROWS):
            country = v.pick(r, "CU", "CF", "NU")
            cols["order_id"].append((f"TU-{country}-{v.unguessed_clean_digits(r, 9)}", NONE))
            if r.random() < 0.8:
                cols["recipient_phone"].append(
                    (v.unguessed_phone(r, (country,) if r.random() < 0.85 else regions), _one("phone"))
                )
            else:
                code = {"CU": 53, "CF": 236, "NU": 683}[country]
                cols["recipient_phone"].append((f"+{code} ••• {r.randrange(100, 999)}", NONE))
            cols["sender_email"].append((v.unguessed_email(r), _one("email")))
            roll = r.random()
            if roll < 0.1:
                cols["sender_card"].append(
                    (_ugs_clover(r, v.unguessed_card_number(r, v.pick(r, "visa", "mastercard"))), _one("payment_card"))
                )
            elif roll < 0.16:
                text = f"card {v.unguessed_card(r, v.pick(r, 'amex', 'discover', 'diners'))} (manual entry)"
                cols["sender_card"].append((text, _one("payment_card")))
            else:
                pan = v.unguessed_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["sender_card"].append((f"{pan[:6]}******{pan[-4:]}", NONE))
            roll = r.random()
            if country == "CF" and roll < 0.3:
                cols["payout"].append(
                    (_ugs_cemac(r, v.unguessed_iban(r, country="CF", grouped=r.random() < 0.5)), _one("iban"))
                )
            elif country == "CU" and roll < 0.3:
                cols["payout"].append((f"cuenta {v.unguessed_cuban_account(r)} (CUP)", NONE))
            elif country == "NU" and roll < 0.3:
                cols["payout"].append((f"BNZ {v.unguessed_nz_account(r)}", NONE))
            else:
                cols["payout"].append(("airtime only", NONE))
            roll = r.random()
            if roll < 0.08:
                auth = _ugs_basic(f"ferry-{v.rand(r, v.ALNUM, 8)}", v.unguessed_reloadly_secret(r))
                cols["provider_call"].append((f"POST /oauth/token Authorization: Basic {auth}", _one("basic_auth")))
            elif roll < 0.16:
                cols["provider_call"].append(
                    (f"POST /api/V1/SendTransfer api_key: {v.unguessed_ding_key(r)}", _one("generic_secret"))
                )
            else:
                cols["provider_call"].append(("POST /api/V1/SendTransfer api_key: ********", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"sender's second number if the first fails: {v.unguessed_phone(r, regions)}"
                cols["agent_note"].append((text, _one("phone")))
            elif roll < 0.15:
                text = f"customer's account password reset by phone, told them {v.unguessed_password(r)}"
                cols["agent_note"].append((text, _one("credential_phrase")))
            else:
                cols["agent_note"].append((r.choice(notes), NONE))
            cols["voucher_serial"].append((f"VS{v.unguessed_clean_digits(r, 12)}", NONE))
            cols["created_at"].append((self._unguessed_when(), NONE))
        table = CorpusTable("topup_orders")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    # ------------------------------------------------------------------------ unannounced shapes and tables

    def _unannounced_vendor(self, names: tuple[str, str]) -> tuple[dict[str, str], str]:
        """A request's headers with a vendor's key and the key's label: the shared LLM vendors, and the tools the
        gateway's agents call (Yelp's and Paystack's bearers, VirusTotal's ``x-apikey``, NewsAPI's ``X-Api-Key``,
        Riot's ``X-Riot-Token``, Tiingo's ``Token`` scheme, Foursquare's and Stormglass' bare ``Authorization``: keys
        of vendors with no detector of their own, and Moralis' JWT in ``X-API-Key``); the host it went to and the header
        that carries the key are kept for the dump."""
        r = self.r
        gen, label, header, scheme, target = r.choice(_UNANNOUNCED_VENDORS)
        self._uan_target = target
        self._uan_key_header = header
        return {header: scheme + gen(r), names[1]: "application/json"}, label

    def _unannounced_dump(self, head: dict[str, str]) -> str:
        """The gateway's request as one of seven tools shows it: ``mitmdump``'s flow detail on the egress proxy (the
        client's private address named), a Chrome NetLog event (its default capture mode strips ``authorization``:
        then ``self._dump_masked`` when the key was there), Firefox's ``MOZ_LOG=nsHttp:5``, Apache's
        ``mod_log_forensic`` line, ``strace -f -s 4096 -e trace=write`` of the plain-text hop to the egress sidecar,
        BCC's ``sslsniff`` and a ModSecurity serial audit log entry (section A names both addresses; with
        ``sanitiseRequestHeader`` on ``Authorization`` and ``X-Api-Key`` those values are asterisks: then
        ``self._dump_masked`` when the key was in one). ``self._uan_dump_labels`` holds what the dump names besides
        the headers."""
        r = self.r
        self._dump_masked = False
        self._uan_dump_labels = NONE
        target = self._uan_target or _unannounced_endpoint(head)
        key_header = self._uan_key_header
        self._uan_target, self._uan_key_header = None, None
        host, path = target
        lower = {k.lower(): val for k, val in head.items()}
        title = {k: "-".join(p.capitalize() for p in k.split("-")) for k in lower}
        length = r.randrange(120, 4000)
        agent = v.pick(r, "python-httpx/0.28.1", "node-fetch/3.3.2", "Go-http-client/1.1")
        shape = r.randrange(7)

        def private() -> tuple[int, int, int, int]:
            return 10, r.randrange(0, 255), r.randrange(0, 255), r.randrange(2, 254)

        if shape == 0:
            client = private()
            self._uan_dump_labels = _one("ipv4")
            lines = [f"{'.'.join(map(str, client))}:{r.randrange(32768, 60999)}: POST https://{host}{path} HTTP/1.1",
                     f"    Host: {host}", f"    User-Agent: {agent}"]  # fmt: skip
            lines += [f"    {title[k]}: {val}" for k, val in lower.items()]
            lines += [f"    Content-Length: {length}", ""]
            status = v.pick(r, "200 OK", "401 Unauthorized", "429 Too Many Requests")
            lines.append(f" << {status} {r.randrange(1, 9)}.{r.randrange(0, 9)}k")
            return "\n".join(lines)
        if shape == 1:
            stripped = r.random() < 0.5
            self._dump_masked = stripped and key_header == "authorization"
            headers = [":method: POST", f":authority: {host}", ":scheme: https", f":path: {path}"]
            for k, val in lower.items():
                if stripped and k == "authorization":
                    val = f"[{len(val)} bytes were stripped]"
                headers.append(f"{k}: {val}")
            headers += [
                f"content-length: {length}",
                "accept-language: en-GB,en;q=0.9",
                "user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/132.0.0.0 Safari/537.36",
            ]
            event = {"params": {"exclusivity": True, "fin": False, "has_priority": True, "headers": headers,
                                "parent_stream_id": 0, "source_dependency": {"id": r.randrange(100, 9000), "type": 1},
                                "stream_id": 2 * r.randrange(0, 40) + 1, "weight": 256},
                     "phase": 0, "source": {"id": r.randrange(100, 9000), "start_time": v.unannounced_digits(r, 7),
                                            "type": 9},
                     "time": v.unannounced_digits(r, 7), "type": 208}  # fmt: skip
            return json.dumps(event, separators=(",", ":"))
        if shape == 2:
            when = f"2026-01-{r.randrange(10, 28)} {contexts._uan_clock(r)}.{r.randrange(0, 10**6):06d} UTC"
            lead = f"{when} - [Parent {r.randrange(1000, 99999)}: Socket Thread]: I/nsHttp"
            firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:134.0) Gecko/20100101 Firefox/134.0"
            lines = [f"{lead} http request [", f"{lead}   POST {path} HTTP/1.1", f"{lead}   Host: {host}",
                     f"{lead}   User-Agent: {firefox}"]  # fmt: skip
            lines += [f"{lead}   {title[k]}: {val}" for k, val in lower.items()]
            lines += [f"{lead}   Content-Length: {length}", f"{lead} ]"]
            return "\n".join(lines)
        if shape == 3:
            unique = contexts._hex(r, 8).upper() + v.rand(r, v.ALNUM, 19)
            fields = [f"+{unique}", f"POST {path} HTTP/1.1", f"Host:{host}", f"User-Agent:{agent}"]
            fields += [f"{title[k]}:{val.replace('|', '%7c').replace(':', '%3a')}" for k, val in lower.items()]
            fields.append(f"Content-Length:{length}")
            return "|".join(fields) + f"\n-{unique}"
        if shape == 4:
            lines = [f"POST {path} HTTP/1.1", f"Host: {host}", f"User-Agent: {agent}"]
            lines += [f"{title[k]}: {val}" for k, val in lower.items()]
            lines += [f"Content-Length: {length}", "", ""]
            text = "\\r\\n".join(lines)
            size = len("\r\n".join(lines).encode())
            return f'[pid {r.randrange(100, 9999)}] write({r.randrange(5, 40)}, "{text}", {size}) = {size}'
        if shape == 5:
            lines = [f"POST {path} HTTP/1.1", f"Host: {host}", f"User-Agent: {agent}"]
            lines += [f"{title[k]}: {val}" for k, val in lower.items()]
            lines += [f"Content-Length: {length}", ""]
            comm = v.pick(r, "python3", "node", "llm-gateway")
            return (
                f"WRITE/SEND   {r.randrange(0, 99)}.{r.randrange(0, 10**9):09d}        {comm:<16} "
                f"{r.randrange(100, 99999)}   {r.randrange(200, 4000)}\n----- DATA -----\n"
                + "\n".join(lines)
                + "\n----- END DATA -----"
            )
        sanitised = r.random() < 0.5
        self._dump_masked = sanitised and key_header in ("authorization", "x-api-key")
        client, server = private(), private()
        self._uan_dump_labels = _one("ipv4")
        boundary = contexts._hex(r, 8)
        day = r.randrange(10, 28)
        lines = [f"--{boundary}-A--",
                 f"[{day}/Jan/2026:{contexts._uan_clock(r)}.{r.randrange(0, 10**6):06d} +0000] "
                 f"{v.rand(r, v.ALNUM, 27)} {'.'.join(map(str, client))} {r.randrange(32768, 60999)} "
                 f"{'.'.join(map(str, server))} 443",
                 f"--{boundary}-B--", f"POST {path} HTTP/1.1", f"Host: {host}", f"User-Agent: {agent}"]  # fmt: skip
        for k, val in lower.items():
            if sanitised and k in ("authorization", "x-api-key"):
                val = "*" * len(val)
            lines.append(f"{title[k]}: {val}")
        lines += [f"Content-Length: {length}", "", f"--{boundary}-F--",
                  f"HTTP/1.1 {v.pick(r, '200 OK', '401 Unauthorized')}", f"--{boundary}-Z--"]  # fmt: skip
        return "\n".join(lines)

    def _unannounced_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object] | str, str, str]:
        """A request body and its reply with what each holds: Glean's chat API (messages most recent first, authored
        by ``USER`` and ``GLEAN_AI``, in and back), a Stack AI flow run (``in-0`` in, ``out-0`` back: bare text), a
        CustomGPT.ai conversation message (a prompt and a persona in, the reply with the user's query and the answer
        back), You.com's Smart API (a query in, an answer and search results back), a Relevance AI agent trigger (a
        role message in, the job's output back), an Inworld character's ``simpleSendText`` (text in, a text list back)
        or kluster.ai's ``/v1/completions`` (a prompt in this split's markup in, text back)."""
        r = self.r
        self._reply_echoes = False
        system = chat.SYSTEM_PROMPTS[lang]
        earlier = r.choice([ex for ex in chat.EXCHANGES[lang] if ex[1] != answer])
        shape = r.randrange(7)
        body: dict[str, object]
        reply: dict[str, object]
        if shape == 0:

            def message(author: str, text: str) -> dict[str, object]:
                return {"author": author, "messageType": "CONTENT", "fragments": [{"text": text}]}

            body = {
                "messages": [message("USER", user), message("GLEAN_AI", earlier[1]), message("USER", earlier[0])],
                "saveChat": False,
                "stream": False,
                "agentConfig": {"agent": "DEFAULT", "mode": "DEFAULT"},
            }
            reply = {"messages": [message("GLEAN_AI", answer)], "chatId": v.rand(r, v.HEX, 32)}
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 1:
            body = {"user_id": f"player-{v.rand(r, v.HEX, 8)}", "in-0": user}
            reply = {"outputs": {"out-0": answer}, "run_id": v.unannounced_uuid(r)}
            return body, reply, "", ""
        if shape == 2:
            self._reply_echoes = True
            body = {"prompt": user, "custom_persona": system, "chatbot_model": "gpt-4-o", "response_source": "default",
                    "stream": False}  # fmt: skip
            data = {"id": r.randrange(10**5, 10**6), "user_query": user, "openai_response": answer,
                    "conversation_id": r.randrange(10**4, 10**5), "citations": []}  # fmt: skip
            reply = {"status": "success", "data": data}
            return body, reply, "", ""
        if shape == 3:
            body = {"query": user, "chat_id": v.unannounced_uuid(r), "instructions": system}
            result = {"url": "https://www.marina-sx.example/faq", "name": "Berth booking FAQ",
                      "snippet": "Changes are free up to 48 hours before arrival."}  # fmt: skip
            reply = {"answer": answer, "search_results": [result]}
            return body, reply, "", ""
        if shape == 4:
            body = {"message": {"role": "user", "content": user}, "agent_id": v.unannounced_uuid(r),
                    "conversation_id": v.unannounced_uuid(r)}  # fmt: skip
            reply = {"job_info": {"job_id": v.rand(r, v.HEX, 24), "studio_id": "agent"},
                     "updates": [{"type": "chain-success", "output": {"status": "complete",
                                                                    "output": {"answer": answer}}}]}  # fmt: skip
            return body, reply, "chat_role_json", ""
        if shape == 5:
            session = v.rand(r, v.HEX, 32)
            body = {"text": user, "endUserFullname": "Player", "endUserId": v.rand(r, v.HEX, 16)}
            reply = {"name": f"workspaces/studio/characters/dockhand/sessions/{session}", "textList": [answer],
                     "emotion": {"behavior": "NEUTRAL", "strength": "NORMAL"}, "sessionId": session}  # fmt: skip
            return body, reply, "", ""
        markup = r.choice((0, 4))
        body = {
            "model": "karakuri-ai/karakuri-lm-70b-chat-v0.1" if markup == 0 else "meituan-longcat/LongCat-Flash-Chat",
            "prompt": _unannounced_markup(markup, system, user, ""),
            "max_tokens": 512,
            "stop": ["</s>"] if markup == 0 else ["</longcat_s>"],
        }
        reply = {"id": f"cmpl-{v.rand(r, v.HEX, 32)}", "object": "text_completion",
                 "choices": [{"index": 0, "text": answer, "finish_reason": "stop"}]}  # fmt: skip
        return body, reply, "chat_template", ""

    def _unannounced_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then per language a turn in which the
        user pastes a password in the language's words (a credential phrase) and one or two in which they paste a key
        (its vendor's finding), a card number, an IBAN or a phone number, with an answer that does not repeat it; in a
        turn of that language when the conversation has one (the free turns taken in order)."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unannounced_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        others = ("key", "card", "iban", "phone")
        extra = {"mai": ("iban",), "bo": ("phone",)}
        regions = PHONE_REGIONS[self.split]
        for k, lang in enumerate(chat.UNANNOUNCED_LANGUAGES):
            for kind in ("password", others[k % 4], *extra.get(lang, ())):
                free = [i for i in range(5, ROWS // 2) if i not in used]
                turn = next((i for i in free if exchanges[i][0] == lang), free[0])
                used.add(turn)
                prompt, answer = chat.UNANNOUNCED_SECRET_TURNS[lang][kind]
                if kind == "password":
                    text, label = prompt.format(password=v.unannounced_password(r)), "credential_phrase"
                elif kind == "key":
                    gen, label = r.choice(UNANNOUNCED_PASTED_KEYS)
                    text = prompt.format(key=gen(r))
                elif kind == "card":
                    card = v.unannounced_card(r, sep=v.pick(r, " ", "-", ""))
                    text, label = prompt.format(card=card), "payment_card"
                elif kind == "iban":
                    text, label = prompt.format(iban=v.unannounced_iban(r)), "iban"
                else:
                    text, label = prompt.format(phone=v.unannounced_phone(r, regions)), "phone"
                contents[2 * turn] = (text, _one(label))
                contents[2 * turn + 1] = (answer, NONE)

    def _unannounced_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as chat services and help desks export it: a Skype export's ``MessageList`` (a guest and a
        bot by their Skype ids), Tiledesk's request messages (a guest's and a bot's, by sender), Dixa's conversation
        messages (``Inbound`` and ``Outbound``), LiveAgent's message groups (``V`` for the visitor, ``A`` for the
        agent), a Userlike conversation (``client`` and ``operator``) or Papercups' messages (a customer id, or a user
        id for the agent)."""
        r = self.r
        when = self._unannounced_when(iso=True)
        doc: object
        if shape == 0:
            guest = f"8:live:.cid.{v.rand(r, v.HEX, 16)}"
            doc = {
                "userId": guest, "exportDate": when,
                "conversations": [{"id": guest, "displayName": "Marina help", "MessageList": [
                    {"id": v.unannounced_clean_digits(r, 13), "displayName": "Guest", "originalarrivaltime": when,
                     "messagetype": "RichText", "from": guest, "content": ex[0]},
                    {"id": v.unannounced_clean_digits(r, 13), "displayName": "Dockhand bot",
                     "originalarrivaltime": when, "messagetype": "RichText", "from": f"28:{v.unannounced_uuid(r)}",
                     "content": ex[1]},
                ]}],
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 1:
            request = f"support-group-{v.rand(r, v.HEX, 24)}"
            doc = [
                {"_id": v.rand(r, v.HEX, 24), "sender": f"guest_{v.rand(r, v.HEX, 12)}", "senderFullname": "Guest",
                 "recipient": request, "text": ex[0], "type": "text", "status": 150, "createdAt": when},
                {"_id": v.rand(r, v.HEX, 24), "sender": f"bot_{v.rand(r, v.HEX, 24)}", "senderFullname": "Dockhand",
                 "recipient": request, "text": ex[1], "type": "text", "status": 150, "createdAt": when},
            ]  # fmt: skip
            return json.dumps(doc, ensure_ascii=False)
        if shape == 2:

            def message(direction: str, text: str) -> dict[str, object]:
                return {"id": v.unannounced_uuid(r), "authorId": v.unannounced_uuid(r), "createdAt": when,
                        "attributes": {"_type": "ChatAttributes", "direction": direction,
                                       "content": {"_type": "Text", "value": text}}}  # fmt: skip

            doc = {"data": [message("Inbound", ex[0]), message("Outbound", ex[1])]}
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 3:
            stamp = f"2026-01-{r.randrange(10, 28)} {contexts._uan_clock(r)}"
            doc = {
                "conversationid": v.rand(r, v.HEX, 8), "channel_type": "W",
                "groups": [
                    {"type": "V", "user_full_name": "Visitor", "datecreated": stamp,
                     "messages": [{"id": v.rand(r, v.HEX, 8), "type": "M", "format": "T", "message": ex[0]}]},
                    {"type": "A", "user_full_name": "Dock office", "datecreated": stamp,
                     "messages": [{"id": v.rand(r, v.HEX, 8), "type": "M", "format": "T", "message": ex[1]}]},
                ],
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=False)
        if shape == 4:
            doc = {
                "id": r.randrange(10**6, 10**7), "client_name": "Guest", "operator_name": "Marina desk",
                "messages": [{"sent_at": when, "sender_type": "client", "body": ex[0]},
                             {"sent_at": when, "sender_type": "operator", "body": ex[1]}],
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        conversation = v.unannounced_uuid(r)
        doc = [
            {"id": v.unannounced_uuid(r), "body": ex[0], "customer_id": v.unannounced_uuid(r), "user_id": None,
             "conversation_id": conversation, "sent_at": when},
            {"id": v.unannounced_uuid(r), "body": ex[1], "customer_id": None, "user_id": r.randrange(1, 90),
             "conversation_id": conversation, "sent_at": when},
        ]  # fmt: skip
        return json.dumps(doc, ensure_ascii=False)

    def _unannounced_when(self, iso: bool = False) -> str:
        """A time in one of the shapes this split's systems print (none a finding): ISO 8601 with Guernsey's, the
        Caribbean's, Mayotte's, Wallis and Futuna's, the Falklands' or Pyongyang's offset, a ``Z`` time with
        milliseconds (the only shape when ``iso``), a British ``22/01/2026 10:11``, an American ``Jan 22, 2026 10:11
        AM`` or epoch milliseconds."""
        r = self.r
        day, clock = r.randrange(10, 28), contexts._uan_clock(r)
        shape = 1 if iso else r.randrange(5)
        if shape == 0:
            offset = v.pick(r, "+00:00", "-04:00", "+03:00", "+12:00", "-03:00", "+09:00")
            return f"2026-01-{day}T{clock}{offset}"
        if shape == 1:
            return f"2026-01-{day}T{clock}.{r.randrange(0, 1000):03d}Z"
        if shape == 2:
            return f"{day}/01/2026 {clock[:5]}"
        if shape == 3:
            return f"Jan {day}, 2026 {r.randrange(1, 13)}:{clock[3:5]} {v.pick(r, 'AM', 'PM')}"
        while True:  # drawn until it reads as no card and no phone number
            millis = str(contexts._epoch(r) * 1000 + r.randrange(0, 1000))
            if not v._urm_luhn_windows(millis) and v._uan_no_phone(millis):
                return millis

    def marina_berths(self) -> CorpusTable:
        """A marina's berth bookings on Saint Martin / Sint Maarten and in the British Virgin Islands: the booking,
        the skipper's e-mail and phone (full or masked), the vessel and its MMSI, the berth, the payment (an EMV TLV
        dump or a cnpAPI sale with the PAN, or masked), the deposit refund (a PSD2 payment or an EPC QR payload with an
        IBAN, or a RIB), the weather integration's call (Stormglass' key, OpenWeatherMap's ``appid``, Windy's body key,
        or a reference), the dockmaster's note (now and then a phone number or a password written down), the arrival
        and the shore power used."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("booking_ref", "skipper_email", "skipper_phone", "vessel", "mmsi", "berth", "payment",
                 "deposit_refund", "weather_call", "dockmaster_note", "arrival", "shore_power_kwh")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = ("catamaran, needs a T-head berth", "holding tank pump-out requested", "arrives after customs closes",
                 "dinghy at the fuel dock", "")  # fmt: skip
        for _ in range(ROWS):
            cols["booking_ref"].append((f"SXM-{v.rand(r, string.ascii_uppercase, 6)}", NONE))
            cols["skipper_email"].append((v.unannounced_email(r), _one("email")))
            if r.random() < 0.75:
                local = ("SX", "VG", "MF") if r.random() < 0.7 else regions
                cols["skipper_phone"].append((v.unannounced_phone(r, local), _one("phone")))
            else:
                cols["skipper_phone"].append((f"+1 721 ***-{r.randrange(10, 99)}**", NONE))
            cols["vessel"].append((v.pick(r, "S/Y Blue Tern", "M/Y Sea Biscuit", "Kokomo II", "Sarnia Belle"), NONE))
            cols["mmsi"].append((v.unannounced_mmsi(r), NONE))
            cols["berth"].append((f"{v.pick(r, 'A', 'B', 'C', 'T')}{r.randrange(1, 40)}", NONE))
            roll = r.random()
            if roll < 0.1:
                pan = v.unannounced_card_number(r, v.pick(r, "visa", "mastercard", "unionpay"))
                cols["payment"].append((_uan_emv_tlv(r, pan), _one("payment_card")))
            elif roll < 0.18:
                pan = v.unannounced_card_number(r, v.pick(r, "visa", "amex", "discover"))
                cols["payment"].append((_uan_cnp_xml(r, pan), _one("payment_card")))
            elif roll < 0.55:
                pan = v.unannounced_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["payment"].append((f"{pan[:4]} •••• {pan[-4:]} APPROVED {contexts._hex(r, 6).upper()}", NONE))
            else:
                cols["payment"].append(("cash at the fuel dock", NONE))
            roll = r.random()
            if roll < 0.12:
                cols["deposit_refund"].append((_uan_psd2(r, v.unannounced_iban(r, country="FR")), _one("iban")))
            elif roll < 0.2:
                iban = v.unannounced_iban(r, country=v.pick(r, "FR", "GB"))
                cols["deposit_refund"].append((_uan_epc_qr(r, iban, "Remboursement caution ponton"), _one("iban")))
            elif roll < 0.3:
                cols["deposit_refund"].append((f"RIB {v.unannounced_rib(r)}", NONE))
            else:
                cols["deposit_refund"].append(("", NONE))
            roll = r.random()
            if roll < 0.08:
                text = f"GET /v2/weather/point?lat=18.03&lng=-63.09 Authorization: {v.unannounced_stormglass_key(r)}"
                cols["weather_call"].append((text, _one("generic_secret")))
            elif roll < 0.16:
                text = f"GET /data/3.0/onecall?lat=18.42&lon=-64.62&appid={v.unannounced_owm_key(r)}"
                cols["weather_call"].append((text, _one("auth_token_assignment")))
            elif roll < 0.22:
                text = json.dumps({"lat": 18.04, "lon": -63.05, "model": "gfs", "key": v.unannounced_windy_key(r)})
                cols["weather_call"].append((text, _one("generic_secret")))
            else:
                cols["weather_call"].append(
                    ("GET /v2/weather/point?lat=18.03&lng=-63.09 Authorization: ${SG_KEY}", NONE)
                )
            roll = r.random()
            if roll < 0.1:
                text = f"skipper's shore contact while the boat is on the hard: {v.unannounced_phone(r, regions)}"
                cols["dockmaster_note"].append((text, _one("phone")))
            elif roll < 0.15:
                text = f"pontoon gate code changed, shower block password is now {v.unannounced_password(r)}"
                cols["dockmaster_note"].append((text, _one("credential_phrase")))
            else:
                cols["dockmaster_note"].append((r.choice(notes), NONE))
            cols["arrival"].append((self._unannounced_when(), NONE))
            cols["shore_power_kwh"].append((f"{r.randrange(0, 400)}.{r.randrange(0, 10)}", NONE))
        table = CorpusTable("marina_berths")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def blood_donations(self) -> CorpusTable:
        """A blood service's donations in Guernsey and Mayotte: the donor's e-mail and phone, the donation number (ISBT
        128), the group, the haemoglobin, the bag's GTIN (now and then it passes Luhn), the push to the hospital's EHR
        (a SMART on FHIR client assertion, a FHIR ``Patient`` with the donor's phone, a DocuSign assertion for the
        consent form, or a reference), the SMS reminder call (MSG91's body with the MSISDN or its auth key, a Twilio API
        key, or a reference), the travel expense refund (a UK Open Banking consent or an EPC QR payload with an IBAN, or
        a sort code), the nurse's note and the collection time."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("donor_email", "donor_phone", "din", "blood_group", "hb_g_dl", "bag_gtin", "ehr_push", "sms_call",
                 "expense_refund", "nurse_note", "collected_at")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = ("felt faint, rested 20 min", "first-time donor", "deferred: travel to a malaria area",
                 "platelet donor, call for apheresis", "")  # fmt: skip
        for _ in range(ROWS):
            cols["donor_email"].append((v.unannounced_email(r), _one("email")))
            if r.random() < 0.8:
                local = ("GG", "YT") if r.random() < 0.75 else regions
                cols["donor_phone"].append((v.unannounced_phone(r, local), _one("phone")))
            else:
                cols["donor_phone"].append((f"06 39 ** ** {r.randrange(10, 99)}", NONE))
            cols["din"].append((v.unannounced_isbt_din(r), NONE))
            cols["blood_group"].append((v.pick(r, "O+", "O-", "A+", "B+", "AB-"), NONE))
            cols["hb_g_dl"].append((f"{r.randrange(12, 17)}.{r.randrange(0, 10)}", NONE))
            cols["bag_gtin"].append((v.unannounced_gtin13(r, luhn=r.random() < 0.25), NONE))
            roll = r.random()
            if roll < 0.08:
                text = f"client_assertion={v.unannounced_smart_assertion(r)}"
                cols["ehr_push"].append((text, _one("jwt")))
            elif roll < 0.16:
                cols["ehr_push"].append(
                    (_uan_fhir_telecom(r, v.unannounced_phone(r, ("GG", "YT"), True)), _one("phone"))
                )
            elif roll < 0.22:
                text = f"assertion={v.unannounced_docusign_assertion(r)}"
                cols["ehr_push"].append((text, _one("jwt")))
            else:
                cols["ehr_push"].append(("client_assertion=<signed by vault transit key ehr-client>", NONE))
            roll = r.random()
            if roll < 0.08:
                msisdn = v.unannounced_msisdn(r, v.pick(r, "GG", "YT", "YT"))
                cols["sms_call"].append((_uan_msg91(r, msisdn), _one("phone")))
            elif roll < 0.16:
                cols["sms_call"].append((f"authkey: {v.unannounced_msg91_key(r)}", _one("generic_secret")))
            elif roll < 0.22:
                cols["sms_call"].append((f"TWILIO_API_KEY=SK{v.rand(r, v.HEX, 32)}", _one("twilio_api_key")))
            else:
                cols["sms_call"].append(("authkey: ${MSG91_AUTHKEY}", NONE))
            roll = r.random()
            if roll < 0.12:
                cols["expense_refund"].append((_uan_obie(r, v.unannounced_iban(r, country="GB")), _one("iban")))
            elif roll < 0.2:
                cols["expense_refund"].append((_uan_epc_qr(r, v.unannounced_iban(r, country="FR")), _one("iban")))
            elif roll < 0.3:
                cols["expense_refund"].append((f"BACS {v.unannounced_sort_code_account(r)}", NONE))
            else:
                cols["expense_refund"].append(("", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"donor asked us to call her work number instead: {v.unannounced_phone(r, regions)}"
                cols["nurse_note"].append((text, _one("phone")))
            elif roll < 0.15:
                text = f"fridge logger tablet login reset, password {v.unannounced_password(r)} (tell the day shift)"
                cols["nurse_note"].append((text, _one("credential_phrase")))
            else:
                cols["nurse_note"].append((r.choice(notes), NONE))
            cols["collected_at"].append((self._unannounced_when(), NONE))
        table = CorpusTable("blood_donations")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def player_tickets(self) -> CorpusTable:
        """A game studio's player support tickets: the ticket, the player's e-mail, Steam ID (17 digits) and login
        address, the client build (half of them read as an IPv4 address and are none), the purchase (an
        Authorize.Net request, a form-encoded charge or an IVR's digits with the PAN, or masked), the refund (a Wise
        recipient or a camt.056 recall with an IBAN, a PayPal address, or none), the platform call (Riot's and
        PlayFab's keys, Steam's ``key``, Unity's and Nakama's JWTs, or a reference), the agent's note, the gift code
        and the opening time."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("ticket_id", "player_email", "steam_id", "login_ip", "client_build", "purchase", "refund_to",
                 "platform_call", "agent_note", "gift_code", "opened_at")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = ("skin restored manually", "duplicate of an earlier ticket", "chargeback warning sent",
                 "player banned for cheating, appeal denied", "")  # fmt: skip
        for _ in range(ROWS):
            cols["ticket_id"].append((f"TCK-{v.unannounced_clean_digits(r, 7)}", NONE))
            cols["player_email"].append((v.unannounced_email(r), _one("email")))
            cols["steam_id"].append((v.unannounced_steam_id(r), NONE))
            if r.random() < 0.7:
                cols["login_ip"].append((v.ipv4(r), _one("ipv4")))
            else:
                cols["login_ip"].append((v.ipv6(r), _one("ipv6")))
            build = f"{r.randrange(1, 9)}.{r.randrange(10, 60)}.{r.randrange(100, 255)}"
            if r.random() < 0.5:  # a build number too: it reads as an IPv4 address
                build += f".{r.randrange(1, 255)}"
            cols["client_build"].append((build, NONE))
            roll = r.random()
            if roll < 0.08:
                cols["purchase"].append(
                    (_uan_authnet(r, v.unannounced_card_number(r, v.pick(r, "visa", "jcb"))), _one("payment_card"))
                )
            elif roll < 0.14:
                pan = v.unannounced_card_number(r, v.pick(r, "mastercard", "rupay"))
                cols["purchase"].append((_uan_form(r, pan), _one("payment_card")))
            elif roll < 0.2:
                cols["purchase"].append((_uan_dtmf(r, v.unannounced_card_number(r, "visa")), _one("payment_card")))
            elif roll < 0.6:
                pan = v.unannounced_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["purchase"].append((f"{_uan_brand(pan)} ending {pan[-4:]}", NONE))
            else:
                cols["purchase"].append(("Steam Wallet", NONE))
            roll = r.random()
            if roll < 0.1:
                cols["refund_to"].append(
                    (_uan_wise(r, v.unannounced_iban(r, country=v.pick(r, "FR", "GB"))), _one("iban"))
                )
            elif roll < 0.16:
                cols["refund_to"].append((_uan_camt056(r, v.unannounced_iban(r, country="FR")), _one("iban")))
            elif roll < 0.26:
                cols["refund_to"].append((f"PayPal {v.unannounced_email(r)}", _one("email")))
            else:
                cols["refund_to"].append(("", NONE))
            roll = r.random()
            if roll < 0.06:
                cols["platform_call"].append((f"X-Riot-Token: {v.unannounced_riot_key(r)}", _one("generic_secret")))
            elif roll < 0.12:
                text = f"X-SecretKey: {v.unannounced_playfab_pair(r)[1]}"
                cols["platform_call"].append((text, _one("generic_secret")))
            elif roll < 0.18:
                text = f"GET /ISteamUser/GetPlayerBans/v1/?key={v.unannounced_steam_key(r)}"
                cols["platform_call"].append((text, _one("auth_token_assignment")))
            elif roll < 0.24:
                text = f"Authorization: Bearer {v.unannounced_unity_jwt(r)}"
                cols["platform_call"].append((text, _one("jwt")))
            elif roll < 0.3:
                text = f"nakama token {v.unannounced_nakama_jwt(r)}"
                cols["platform_call"].append((text, _one("jwt")))
            elif roll < 0.6:
                text = f"X-TitleId: {v.unannounced_playfab_pair(r)[0]} X-SecretKey: ${{PLAYFAB_SECRET}}"
                cols["platform_call"].append((text, NONE))
            else:
                cols["platform_call"].append(("", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"parent called about the charge, callback on {v.unannounced_phone(r, regions)}"
                cols["agent_note"].append((text, _one("phone")))
            elif roll < 0.15:
                text = f"reset the player's account, temp password {v.unannounced_password(r)} given over chat"
                cols["agent_note"].append((text, _one("credential_phrase")))
            else:
                cols["agent_note"].append((r.choice(notes), NONE))
            cols["gift_code"].append(("-".join(v.rand(r, v.UPPER, 5) for _ in range(3)), NONE))
            cols["opened_at"].append((self._unannounced_when(), NONE))
        table = CorpusTable("player_tickets")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    # ------------------------------------------------------------------------ unbeknown shapes and tables

    def _unbeknown_vendor(self, names: tuple[str, str]) -> tuple[dict[str, str], str]:
        """A request's headers with a vendor's key and the key's label: the shared LLM vendors, and the tools the
        gateway's agents call (Duffel's and Printful's bearers, Kiwi.com Tequila's ``apikey``, FlightAware AeroAPI's
        ``x-apikey``, Travelpayouts' ``X-Access-Token``, Talon.One's ``ApiKey-v1`` scheme, Pushbullet's
        ``Access-Token``, Open Charge Map's ``X-API-Key``: keys of vendors with no detector of their own, and Hasura's
        and Cube's JWTs); the host it went to and the header that carries the key are kept for the dump."""
        r = self.r
        gen, label, header, scheme, target = r.choice(_UNBEKNOWN_VENDORS)
        self._ubk_target = target
        self._ubk_key_header = header
        return {header: scheme + gen(r), names[1]: "application/json"}, label

    def _unbeknown_dump(self, head: dict[str, str]) -> str:
        """The gateway's request as one of seven tools shows it: a Chrome DevTools Protocol
        ``Network.requestWillBeSent`` event (the in-browser agent's fetch), a Suricata EVE ``http`` event with
        ``dump-all-headers`` on the plain-text hop to the egress sidecar (both private addresses named), a Caddy access
        log entry of the egress reverse proxy (the client's address named; by default Caddy logs ``Authorization`` as
        ``REDACTED``: then ``self._dump_masked`` when the key was there), Ruby rest-client's request log, an OWASP ZAP
        API message (the request header as one CRLF string), a Vegeta targets file or a wrk Lua script of the load test
        against the vendor. ``self._ubk_dump_labels`` holds what the dump names besides the headers."""
        r = self.r
        self._dump_masked = False
        self._ubk_dump_labels = NONE
        target = self._ubk_target or _unbeknown_endpoint(head)
        key_header = self._ubk_key_header
        self._ubk_target, self._ubk_key_header = None, None
        host, path = target
        lower = {k.lower(): val for k, val in head.items()}
        title = {k: "-".join(p.capitalize() for p in k.split("-")) for k in lower}
        length = r.randrange(120, 4000)
        agent = v.pick(r, "python-requests/2.32.3", "axios/1.7.9", "Go-http-client/1.1")
        day = r.randrange(10, 28)
        shape = r.randrange(7)

        def private() -> str:
            return f"10.{r.randrange(0, 255)}.{r.randrange(0, 255)}.{r.randrange(2, 254)}"

        if shape == 0:
            chrome = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 Chrome/132.0.0.0 Safari/537.36"
            headers = {title[k]: val for k, val in lower.items()} | {"Accept": "*/*", "User-Agent": chrome}
            event = {"method": "Network.requestWillBeSent",
                     "params": {"requestId": f"{r.randrange(1000, 9999)}.{r.randrange(10, 999)}",
                                "loaderId": contexts._hex(r, 32).upper(),
                                "documentURL": "https://app.lyb-expeditions.example/planner",
                                "request": {"url": f"https://{host}{path}", "method": "POST", "headers": headers,
                                            "hasPostData": True, "mixedContentType": "none",
                                            "initialPriority": "High",
                                            "referrerPolicy": "strict-origin-when-cross-origin"},
                                "timestamp": float(f"{r.randrange(200000, 299999)}.{_ubk_frac(r, 6)}"),
                                "initiator": {"type": "script"}, "type": "Fetch",
                                "frameId": contexts._hex(r, 32).upper()}}  # fmt: skip
            return json.dumps(event, separators=(",", ":"))
        if shape == 1:
            self._ubk_dump_labels = _one("ipv4")
            request_headers = [{"name": "Host", "value": host}, {"name": "User-Agent", "value": agent}]
            request_headers += [{"name": title[k], "value": val} for k, val in lower.items()]
            request_headers.append({"name": "Content-Length", "value": str(length)})
            event = {"timestamp": f"2026-01-{day}T{contexts._ubk_clock(r)[:6]}{contexts._ubk_seconds(r, 6)}+0000",
                     "flow_id": int(v.unbeknown_clean_digits(r, 16)), "in_iface": "eth1", "event_type": "http",
                     "src_ip": private(), "src_port": r.randrange(32768, 60999), "dest_ip": private(),
                     "dest_port": 8080, "proto": "TCP", "tx_id": 0,
                     "http": {"hostname": host, "url": path, "http_user_agent": agent,
                              "http_content_type": "application/json", "http_method": "POST",
                              "protocol": "HTTP/1.1", "status": v.pick(r, "200", "401", "429"),
                              "length": r.randrange(100, 9000), "request_headers": request_headers}}  # fmt: skip
            return json.dumps(event)
        if shape == 2:
            redacted = r.random() < 0.6
            self._dump_masked = redacted and key_header == "authorization"
            self._ubk_dump_labels = _one("ipv4")
            client = private()
            headers = {title[k]: ["REDACTED" if redacted and k == "authorization" else val] for k, val in lower.items()}
            headers |= {"User-Agent": [agent], "Content-Length": [str(length)], "Accept-Encoding": ["gzip"]}
            record = {"level": "info", "ts": float(f"{1_769_500_000 + r.randrange(10**6)}.{_ubk_frac(r, 6)}"),
                      "logger": "http.log.access.egress", "msg": "handled request",
                      "request": {"remote_ip": client, "remote_port": str(r.randrange(32768, 60999)),
                                  "client_ip": client, "proto": "HTTP/1.1", "method": "POST", "host": host,
                                  "uri": path, "headers": headers},
                      "bytes_read": length, "user_id": "", "duration": round(r.random(), 6),
                      "size": r.randrange(100, 9000), "status": v.pick(r, "200", "401"),
                      "resp_headers": {"Content-Type": ["application/json"]}}  # fmt: skip
            return json.dumps(record)
        if shape == 3:
            hdrs = {"Accept": "*/*", "User-Agent": "rest-client/2.1.0 (linux x86_64) ruby/3.3.6p108"}
            hdrs |= {title[k]: val for k, val in lower.items()}
            hdrs["Content-Length"] = str(length)
            pairs = ", ".join(f'"{k}"=>"{val}"' for k, val in sorted(hdrs.items()))
            seconds = f"{r.randrange(0, 3)}.{r.randrange(0, 1000):03d}"
            return (
                f'RestClient.post "https://{host}{path}", "{{\\"model\\"...}}"({length} byte(s)) length, {pairs}\n'
                f"# => {v.pick(r, '200 OK', '401 Unauthorized')} | application/json {r.randrange(100, 9000)} bytes, "
                f"{seconds}s"
            )
        if shape == 4:
            lines = [f"POST https://{host}{path} HTTP/1.1", f"Host: {host}", f"User-Agent: {agent}"]
            lines += [f"{title[k]}: {val}" for k, val in lower.items()]
            lines.append(f"Content-Length: {length}")
            message = {"message": {"id": str(r.randrange(10, 9999)), "type": "1", "timestamp": _ubk_millis(r),
                                   "rtt": str(r.randrange(40, 900)), "note": "", "cookieParams": "",
                                   "requestHeader": "\r\n".join(lines) + "\r\n\r\n", "requestBody": "{...}",
                                   "responseHeader": "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n",
                                   "tags": []}}  # fmt: skip
            return json.dumps(message)
        if shape == 5:
            lines = [f"# vegeta attack -targets=targets.txt -rate={r.randrange(5, 50)}/s -duration=30s",
                     f"POST https://{host}{path}"]  # fmt: skip
            lines += [f"{title[k]}: {val}" for k, val in lower.items()]
            lines.append("@/opt/loadtest/body.json")
            return "\n".join(lines)
        lines = [f"-- wrk -t2 -c{r.randrange(10, 64)} -d30s -s post.lua https://{host}{path}", 'wrk.method = "POST"',
                 'wrk.body = io.open("body.json"):read("*a")']  # fmt: skip
        lines += [f'wrk.headers["{title[k]}"] = "{val}"' for k, val in lower.items()]
        return "\n".join(lines)

    def _unbeknown_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object] | str, str, str]:
        """A request body and its reply with what each holds: Vectara's chat API (a query in, an answer and search
        results back), a Pinecone Assistant chat (role messages in, a role message back), Humanloop's ``prompts.call``
        (role messages and the prompt's system template in, the log with the output message and the messages back),
        Kagi's FastGPT (a query in, an output back), Exa's ``/answer`` (a query in, an answer and citations back),
        Writesonic's Chatsonic (the input and the earlier turns flagged ``is_sent`` in, a message back) or Lamini's
        completions (a prompt in this split's markup in, an answer back)."""
        r = self.r
        self._reply_echoes = False
        system = chat.SYSTEM_PROMPTS[lang]
        earlier = r.choice([ex for ex in chat.EXCHANGES[lang] if ex[1] != answer])
        shape = r.randrange(7)
        body: dict[str, object]
        reply: dict[str, object]
        if shape == 0:
            body = {"query": user, "search": {"corpora": [{"corpus_key": "lyb-faq"}], "limit": 5},
                    "generation": {"generation_preset_name": "vectara-summary-ext-24-05-med-omni",
                                   "max_used_search_results": 5}, "chat": {"store": True}}  # fmt: skip
            reply = {"chat_id": "cht_" + v.rand(r, v.ALNUM, 20), "turn_id": "trn_" + v.rand(r, v.ALNUM, 20),
                     "answer": answer, "search_results": [{"text": "Changes are free up to 48 hours before departure.",
                                                           "score": round(r.random(), 3)}]}  # fmt: skip
            return body, reply, "", ""
        if shape == 1:
            body = {"messages": [{"role": "user", "content": user}], "stream": False, "model": "gpt-4o"}
            reply = {"finish_reason": "stop", "message": {"role": "assistant", "content": answer},
                     "id": v.rand(r, v.HEX, 32), "model": "gpt-4o-2024-11-20", "citations": []}  # fmt: skip
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 2:
            self._reply_echoes = True
            body = {"path": "support/booking-helper", "messages": [{"role": "user", "content": user}],
                    "prompt": {"model": "gpt-4o", "template": [{"role": "system", "content": system}]}}  # fmt: skip
            reply = {"id": "log_" + v.rand(r, v.ALNUM, 21), "prompt_id": "pr_" + v.rand(r, v.ALNUM, 21),
                     "logs": [{"output_message": {"role": "assistant", "content": answer}, "finish_reason": "stop",
                               "messages": [{"role": "user", "content": user}]}]}  # fmt: skip
            return body, reply, "chat_role_json", "chat_role_json"
        if shape == 3:
            body = {"query": user, "cache": True}
            reply = {"meta": {"id": v.unbeknown_uuid(r), "node": "europe-west4", "ms": r.randrange(400, 9000)},
                     "data": {"output": answer, "tokens": r.randrange(50, 900), "references": []}}  # fmt: skip
            return body, reply, "", ""
        if shape == 4:
            body = {"query": user, "text": True, "model": "exa"}
            reply = {
                "answer": answer,
                "requestId": v.rand(r, v.HEX, 32),
                "citations": [{"url": "https://www.lyb-expeditions.example/faq", "title": "Booking FAQ"}],
            }
            return body, reply, "", ""
        if shape == 5:
            body = {"enable_google_results": "true", "enable_memory": True, "input_text": user,
                    "history_data": [{"is_sent": True, "message": earlier[0]},
                                     {"is_sent": False, "message": earlier[1]}]}  # fmt: skip
            reply = {"message": answer, "image_urls": []}
            return body, reply, "chat_role_json", ""
        markup = r.choice((0, 4, 5))
        model = {0: "AI-Sweden-Models/gpt-sw3-6.7b-v2-instruct", 4: "ibm-granite/granite-8b-code-instruct-128k",
                 5: "microsoft/bitnet-b1.58-2B-4T"}[markup]  # fmt: skip
        body = {"model_name": model, "prompt": _unbeknown_markup(markup, system, user, ""),
                "output_type": {"answer": "str"}, "max_new_tokens": 256}  # fmt: skip
        reply = {"answer": answer}
        return body, reply, "chat_template", ""

    def _unbeknown_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then per language a turn in which the
        user pastes a password in the language's words (a credential phrase) and one or two in which they paste a key
        (its vendor's finding), a card number, an IBAN or a phone number, with an answer that does not repeat it; in a
        turn of that language when the conversation has one (the free turns taken in order)."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unbeknown_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        others = ("key", "card", "iban", "phone")
        extra = {"scn": ("iban",), "yue": ("phone",)}
        regions = PHONE_REGIONS[self.split]
        for k, lang in enumerate(chat.UNBEKNOWN_LANGUAGES):
            for kind in ("password", others[k % 4], *extra.get(lang, ())):
                free = [i for i in range(5, ROWS // 2) if i not in used]
                turn = next((i for i in free if exchanges[i][0] == lang), free[0])
                used.add(turn)
                prompt, answer = chat.UNBEKNOWN_SECRET_TURNS[lang][kind]
                if kind == "password":
                    text, label = prompt.format(password=v.unbeknown_password(r)), "credential_phrase"
                elif kind == "key":
                    gen, label = r.choice(UNBEKNOWN_PASTED_KEYS)
                    text = prompt.format(key=gen(r))
                elif kind == "card":
                    card = v.unbeknown_card(r, sep=v.pick(r, " ", "-", ""))
                    text, label = prompt.format(card=card), "payment_card"
                elif kind == "iban":
                    text, label = prompt.format(iban=v.unbeknown_iban(r)), "iban"
                else:
                    text, label = prompt.format(phone=v.unbeknown_phone(r, regions)), "phone"
                contents[2 * turn] = (text, _one(label))
                contents[2 * turn + 1] = (answer, NONE)

    def _unbeknown_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as chat services and help desks export it: a Facebook Messenger "Download your information"
        thread (``message_1.json``: newest first, the text's UTF-8 bytes escaped as Latin-1 as Meta writes them), an
        Amazon Connect chat transcript (``CUSTOMER`` and ``AGENT`` participant roles), Drift's conversation messages
        (a contact and a bot user), a LINE Messaging API webhook event with the reply the bot sent, Salesforce
        Messaging for In-App and Web conversation entries (``EndUser`` and ``Chatbot``, each payload a JSON string) or
        Gladly's conversation items (``CUSTOMER`` and ``AGENT`` initiators)."""
        r = self.r
        when = self._unbeknown_when(iso=True)
        doc: object
        if shape == 0:
            millis = _ubk_millis(r)
            doc = {
                "participants": [{"name": "Guest"}, {"name": "Lyb Expeditions"}],
                "messages": [
                    {"sender_name": "Lyb Expeditions", "timestamp_ms": int(millis) + 60_000,
                     "content": ex[1].encode().decode("latin-1"), "is_geoblocked_for_viewer": False},
                    {"sender_name": "Guest", "timestamp_ms": int(millis),
                     "content": ex[0].encode().decode("latin-1"), "is_geoblocked_for_viewer": False},
                ],
                "title": "Lyb Expeditions", "is_still_participant": True,
                "thread_path": f"inbox/lybexpeditions_{contexts._hex(r, 12)}",
            }  # fmt: skip
            return json.dumps(doc)
        if shape == 1:
            customer, agent = v.unbeknown_uuid(r), v.unbeknown_uuid(r)

            def item(participant: str, role: str, name: str, text: str) -> dict[str, object]:
                return {"AbsoluteTime": when, "Content": text, "ContentType": "text/plain", "Id": v.unbeknown_uuid(r),
                        "Type": "MESSAGE", "ParticipantId": participant, "DisplayName": name,
                        "ParticipantRole": role}  # fmt: skip

            doc = {"Version": "2019-08-26", "AWSAccountId": v.unbeknown_clean_digits(r, 12),
                   "InstanceId": v.unbeknown_uuid(r), "ContactId": v.unbeknown_uuid(r),
                   "Participants": [{"ParticipantId": customer}, {"ParticipantId": agent}],
                   "Transcript": [item(customer, "CUSTOMER", "Customer", ex[0]),
                                  item(agent, "AGENT", "Kari", ex[1])]}  # fmt: skip
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 2:
            conversation = r.randrange(10**6, 10**7)
            millis = int(_ubk_millis(r))
            doc = {"data": {"messages": [
                {"id": r.randrange(10**6, 10**7), "conversationId": conversation, "body": ex[0],
                 "author": {"id": r.randrange(10**6, 10**7), "type": "contact", "bot": False}, "type": "chat",
                 "createdAt": millis},
                {"id": r.randrange(10**6, 10**7), "conversationId": conversation, "body": ex[1],
                 "author": {"id": r.randrange(100, 999), "type": "user", "bot": True}, "type": "chat",
                 "createdAt": millis + 4_000},
            ]}}  # fmt: skip
            return json.dumps(doc, ensure_ascii=False)
        if shape == 3:
            token = contexts._hex(r, 32)
            doc = {
                "webhook": {"destination": "U" + contexts._hex(r, 32), "events": [
                    {"type": "message", "mode": "active", "timestamp": int(_ubk_millis(r)),
                     "source": {"type": "user", "userId": "U" + contexts._hex(r, 32)}, "replyToken": token,
                     "message": {"type": "text", "id": v.unbeknown_clean_digits(r, 18), "text": ex[0]}},
                ]},
                "reply": {"replyToken": token, "messages": [{"type": "text", "text": ex[1]}]},
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 4:

            def entry(role: str, name: str, text: str) -> dict[str, object]:
                payload = {"entryType": "Message", "abstractMessage": {"messageType": "StaticContentMessage",
                           "staticContent": {"formatType": "Text", "text": text}}}  # fmt: skip
                return {"clientTimestamp": int(_ubk_millis(r)), "entryPayload": json.dumps(payload, ensure_ascii=False),
                        "sender": {"role": role, "appType": "iamessage"}, "senderDisplayName": name}  # fmt: skip

            doc = {"conversationEntries": [entry("EndUser", "Guest", ex[0]), entry("Chatbot", "Camp Bot", ex[1])]}
            return json.dumps(doc, ensure_ascii=False)
        customer = v.rand(r, v.B64URL, 22)
        doc = [
            {"id": v.rand(r, v.B64URL, 22), "customerId": customer, "timestamp": when,
             "initiator": {"type": "CUSTOMER", "id": customer},
             "content": {"type": "CHAT_MESSAGE", "content": ex[0], "sessionId": v.rand(r, v.B64URL, 22)}},
            {"id": v.rand(r, v.B64URL, 22), "customerId": customer, "timestamp": when,
             "initiator": {"type": "AGENT", "id": v.rand(r, v.B64URL, 22)},
             "content": {"type": "CHAT_MESSAGE", "content": ex[1], "sessionId": v.rand(r, v.B64URL, 22)}},
        ]  # fmt: skip
        return json.dumps(doc, ensure_ascii=r.random() < 0.5)

    def _unbeknown_when(self, iso: bool = False) -> str:
        """A time in one of the shapes this split's systems print (none a finding): ISO 8601 with Svalbard's, Saint
        Helena's, Norfolk Island's, the Cocos Islands', Christmas Island's or Western Sahara's offset, a ``Z`` time
        with milliseconds (the only shape when ``iso``), a Norwegian ``22.01.2026 kl. 10:11``, ``22 Jan 2026, 10:11``
        or epoch milliseconds."""
        r = self.r
        day, clock = r.randrange(10, 28), contexts._ubk_clock(r)
        shape = 1 if iso else r.randrange(5)
        if shape == 0:
            offset = v.pick(r, "+01:00", "+00:00", "+11:00", "+06:30", "+07:00")
            return f"2026-01-{day}T{clock}{offset}"
        if shape == 1:
            return f"2026-01-{day}T{clock}.{r.randrange(0, 1000):03d}Z"
        if shape == 2:
            return f"{day}.01.2026 kl. {clock[:5]}"
        if shape == 3:
            return f"{day} Jan 2026, {clock[:5]}"
        return _ubk_millis(r)

    def expedition_bookings(self) -> CorpusTable:
        """An Arctic expedition operator's bookings in Longyearbyen: the booking, the guest's e-mail and phone (full or
        masked), the tour and its headcount, the rifle permit's reference, the payment (Google Pay's decrypted PAN, a
        WooCommerce order's serialized meta or a Moneris purchase, or masked), the refund (an acmt.023 verification, a
        DATEV creditor record or a Verification of Payee request with an IBAN, or a Norwegian account number), the
        flight sync (Duffel's bearer, AeroAPI's ``x-apikey``, aviationstack's ``access_key``, or a reference), the
        guide's note (now and then a phone number or a password written down) and the departure."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("booking_ref", "guest_email", "guest_phone", "tour", "headcount", "rifle_permit", "payment",
                 "refund_to", "flight_sync", "partner_call", "guide_note", "departs_at")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = ("vegetarian, bring own sleeping bag", "needs size 46 boots", "first time on a snowmobile",
                 "late arrival on the evening flight", "")  # fmt: skip
        for _ in range(ROWS):
            cols["booking_ref"].append((f"LYB-{v.rand(r, string.ascii_uppercase, 6)}", NONE))
            cols["guest_email"].append((v.unbeknown_email(r), _one("email")))
            if r.random() < 0.75:
                local = ("SJ",) if r.random() < 0.6 else regions
                cols["guest_phone"].append((v.unbeknown_phone(r, local), _one("phone")))
            else:
                cols["guest_phone"].append((f"+47 79 ** ** {r.randrange(10, 99)}", NONE))
            cols["tour"].append((v.pick(r, "Glacier hike Larsbreen", "Snowmobile to Barentsburg", "Ice cave"), NONE))
            cols["headcount"].append((str(r.randrange(1, 9)), NONE))
            cols["rifle_permit"].append(
                (f"SYSSEL-{r.randrange(2025, 2027)}-{v.rand(r, string.ascii_uppercase, 4)}", NONE)
            )
            roll = r.random()
            if roll < 0.1:
                pan = v.unbeknown_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["payment"].append((_ubk_gpay(r, pan), _one("payment_card")))
            elif roll < 0.18:
                pan = v.unbeknown_card_number(r, v.pick(r, "visa", "mastercard", "amex"))
                cols["payment"].append((_ubk_woo_meta(r, pan), _one("payment_card")))
            elif roll < 0.24:
                pan = v.unbeknown_card_number(r, v.pick(r, "visa", "discover"))
                cols["payment"].append((_ubk_moneris(r, pan), _one("payment_card")))
            elif roll < 0.6:
                pan = v.unbeknown_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["payment"].append((f"{_ubk_brand(pan)} •••• {pan[-4:]} (Vipps)", NONE))
            else:
                cols["payment"].append((f"invoice, KID {v.unbeknown_kid(r)}", NONE))
            roll = r.random()
            if roll < 0.1:
                cols["refund_to"].append((_ubk_acmt023(r, v.unbeknown_iban(r, country="NO")), _one("iban")))
            elif roll < 0.18:
                cols["refund_to"].append((_ubk_datev(r, v.unbeknown_iban(r, country="NO")), _one("iban")))
            elif roll < 0.24:
                cols["refund_to"].append((_ubk_vop(r, v.unbeknown_iban(r)), _one("iban")))
            elif roll < 0.34:
                cols["refund_to"].append((f"konto {v.unbeknown_no_account(r)}", NONE))
            else:
                cols["refund_to"].append(("", NONE))
            roll = r.random()
            if roll < 0.08:
                text = f"Authorization: Bearer {v.unbeknown_duffel_token(r)}"
                cols["flight_sync"].append((text, _one("bearer_token")))
            elif roll < 0.16:
                text = f"GET /aeroapi/flights/SAS4424 x-apikey: {v.unbeknown_aeroapi_key(r)}"
                cols["flight_sync"].append((text, _one("generic_secret")))
            elif roll < 0.22:
                text = f"/v1/flights?access_key={v.unbeknown_aviationstack_key(r)}&arr_iata=LYR"
                cols["flight_sync"].append((text, _one("auth_token_assignment")))
            else:
                cols["flight_sync"].append(("x-apikey: {{ vault:secret/data/aeroapi#key }}", NONE))
            roll = r.random()
            if roll < 0.08:
                text = (
                    f"GET /enkeltoppslag/kjoretoydata?kjennemerke=SV{r.randrange(1000, 9999)} SVV-Authorization: "
                    f"Apikey {v.unbeknown_svv_key(r)}"
                )
                cols["partner_call"].append((text, _one("generic_secret")))
            elif roll < 0.15:
                text = f"X-Mybring-API-Uid: {v.unbeknown_email(r)}\nX-Mybring-API-Key: {v.unbeknown_mybring_key(r)}"
                cols["partner_call"].append((text, frozenset({"generic_secret", "email"})))
            elif roll < 0.22:
                text = f"box: waiver upload, assertion={v.unbeknown_box_assertion(r)}"
                cols["partner_call"].append((text, _one("jwt")))
            elif roll < 0.4:
                access, _secret = v.unbeknown_bokun_pair(r)
                text = f"X-Bokun-AccessKey: {access} X-Bokun-Signature: {v.unbeknown_bokun_signature(r)}"
                cols["partner_call"].append((text, NONE))
            else:
                cols["partner_call"].append(("", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"guest's partner stays in town, reachable on {v.unbeknown_phone(r, regions)}"
                cols["guide_note"].append((text, _one("phone")))
            elif roll < 0.15:
                text = f"gun safe code unchanged, the booking laptop login is now {v.unbeknown_password(r)}"
                cols["guide_note"].append((text, _one("credential_phrase")))
            else:
                cols["guide_note"].append((r.choice(notes), NONE))
            cols["departs_at"].append((self._unbeknown_when(), NONE))
        table = CorpusTable("expedition_bookings")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def kite_camp_stays(self) -> CorpusTable:
        """A kitesurfing camp's stays in Dakhla (Western Sahara): the stay, the guest's e-mail and phone, the board and
        the nights, the payment (``redis-cli MONITOR`` of the checkout, a GraphQL mutation or a balance lookup by PAN,
        or masked), the deposit return (an Odoo bank account or a PrivatBank statement with an IBAN, or a Hungarian
        domestic account), the wind forecast call (Tomorrow.io's ``apikey``, WeatherAPI's ``key``, Visual Crossing's
        ``key``, a Meteomatics Basic pair, or a documented example), the camp's video call (a Jitsi as a Service
        JWT, a Mercure subscriber's cookie, or none), the instructor's note and the check-in."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("stay_ref", "guest_email", "guest_phone", "board", "nights", "payment", "deposit_return",
                 "wind_api", "camp_call", "partner_call", "instructor_note", "check_in")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = ("needs a 12 m kite above 20 knots", "upwind drills only", "booked the lagoon downwinder",
                 "lost a fin, charged 30 EUR", "")  # fmt: skip
        for _ in range(ROWS):
            cols["stay_ref"].append((f"DKH-{v.rand(r, string.ascii_uppercase + string.digits, 7)}", NONE))
            cols["guest_email"].append((v.unbeknown_email(r), _one("email")))
            if r.random() < 0.8:
                local = ("EH",) if r.random() < 0.6 else regions
                cols["guest_phone"].append((v.unbeknown_phone(r, local), _one("phone")))
            else:
                cols["guest_phone"].append((f"05 28 ** ** {r.randrange(10, 99)}", NONE))
            cols["board"].append((f"{r.randrange(132, 146)}x{r.randrange(39, 44)} twin tip", NONE))
            cols["nights"].append((str(r.randrange(3, 15)), NONE))
            roll = r.random()
            if roll < 0.1:
                pan = v.unbeknown_card_number(r, v.pick(r, "visa", "mastercard", "jcb"))
                cols["payment"].append((_ubk_redis_monitor(r, pan), _one("payment_card")))
            elif roll < 0.16:
                pan = v.unbeknown_card_number(r, v.pick(r, "visa", "unionpay"))
                cols["payment"].append((_ubk_graphql(r, pan), _one("payment_card")))
            elif roll < 0.22:
                pan = v.unbeknown_card_number(r, "visa")
                cols["payment"].append((_ubk_card_path(r, pan), _one("payment_card")))
            elif roll < 0.6:
                pan = v.unbeknown_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["payment"].append((f"{pan[:6]}******{pan[-4:]} authorised RRN {v.unbeknown_rrn(r)}", NONE))
            else:
                cols["payment"].append(("cash (EUR) at the camp office", NONE))
            roll = r.random()
            if roll < 0.1:
                cols["deposit_return"].append((_ubk_odoo_bank(r, v.unbeknown_iban(r, country="GR")), _one("iban")))
            elif roll < 0.16:
                cols["deposit_return"].append((_ubk_privatbank(r, v.unbeknown_iban(r, country="UA")), _one("iban")))
            elif roll < 0.26:
                cols["deposit_return"].append((f"GIRO {v.unbeknown_hu_giro(r)}", NONE))
            else:
                cols["deposit_return"].append(("", NONE))
            roll = r.random()
            if roll < 0.07:
                text = f"/v4/weather/forecast?location=23.71,-15.93&apikey={v.unbeknown_tomorrow_key(r)}"
                cols["wind_api"].append((text, _one("auth_token_assignment")))
            elif roll < 0.14:
                text = f"/v1/forecast.json?key={v.unbeknown_weatherapi_key(r)}&q=Dakhla&days=3"
                cols["wind_api"].append((text, _one("auth_token_assignment")))
            elif roll < 0.2:
                text = f"/timeline/Dakhla?unitGroup=metric&key={v.unbeknown_visualcrossing_key(r)}"
                cols["wind_api"].append((text, _one("auth_token_assignment")))
            elif roll < 0.26:
                text = f"Authorization: Basic {_ubk_basic(*v.unbeknown_meteomatics_pair(r))}"
                cols["wind_api"].append((text, _one("basic_auth")))
            else:
                cols["wind_api"].append(("/v1/forecast.json?key=<YOUR_API_KEY>&q=Dakhla", NONE))
            roll = r.random()
            if roll < 0.08:
                cols["camp_call"].append((f"jwt={v.unbeknown_jaas_jwt(r)}", _one("jwt")))
            elif roll < 0.14:
                text = f"Cookie: mercureAuthorization={v.unbeknown_mercure_jwt(r)}"
                cols["camp_call"].append((text, _one("jwt")))
            else:
                cols["camp_call"].append(("", NONE))
            roll = r.random()
            if roll < 0.08:
                text = f'POST /v2/authorize-user {{"token": "{v.unbeknown_liveblocks_jwt(r)}"}}'
                cols["partner_call"].append((text, _one("jwt")))
            elif roll < 0.15:
                text = f"GET /api/spaces/coworkers Authorization: Basic {_ubk_basic(*v.unbeknown_nexudus_pair(r))}"
                cols["partner_call"].append((text, _one("basic_auth")))
            elif roll < 0.21:
                text = f'<a href="tel:+{v.unbeknown_msisdn(r, "EH")}">Call the camp</a>'
                cols["partner_call"].append((text, _one("phone")))
            elif roll < 0.36:
                text = f"liveblocks: room lessons-{contexts._hex(r, 8)} has {r.randrange(1, 6)} users present"
                cols["partner_call"].append((text, NONE))
            else:
                cols["partner_call"].append(("", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"guest's driver from the airport: {v.unbeknown_phone(r, regions)}"
                cols["instructor_note"].append((text, _one("phone")))
            elif roll < 0.15:
                text = f"rescue boat GPS tablet reset, password {v.unbeknown_password(r)} (tell the morning crew)"
                cols["instructor_note"].append((text, _one("credential_phrase")))
            else:
                cols["instructor_note"].append((r.choice(notes), NONE))
            cols["check_in"].append((self._unbeknown_when(), NONE))
        table = CorpusTable("kite_camp_stays")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def island_freight_manifests(self) -> CorpusTable:
        """A supply ship's cargo manifests for Saint Helena, Ascension and Tristan da Cunha: the manifest, the
        consignee's e-mail and phone, the vessel's IMO number, the HS code, the gross weight and customs value, the
        freight payment (a settlement record, a phone transcript read out or a Moneris purchase with the PAN, or
        masked), the forwarding agent's account (a NAV invoice, an acmt.023 verification or a DATEV record with an
        IBAN, or an Australian or Saint Helena account), the tracking push (WhatsApp's body with the number, Pushover's
        token, Gotify's key, a Centrifugo token, or a reference), the customs note and the ETA."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("manifest_no", "consignee_email", "consignee_phone", "vessel_imo", "hs_code", "gross_kg",
                 "customs_value", "freight_payment", "agent_account", "tracking_push", "partner_call",
                 "customs_note", "eta")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = ("held for phytosanitary inspection", "duty paid at Jamestown", "transshipped at Cape Town",
                 "fragile: solar panels", "")  # fmt: skip
        for _ in range(ROWS):
            cols["manifest_no"].append((f"SHF-{v.unbeknown_clean_digits(r, 7)}", NONE))
            cols["consignee_email"].append((v.unbeknown_email(r), _one("email")))
            if r.random() < 0.8:
                local = ("SH", "AC", "TA") if r.random() < 0.7 else regions
                cols["consignee_phone"].append((v.unbeknown_phone(r, local), _one("phone")))
            else:
                cols["consignee_phone"].append((f"+290 2{r.randrange(0, 9)}***", NONE))
            cols["vessel_imo"].append((f"IMO {v.unbeknown_imo(r)}", NONE))
            cols["hs_code"].append((f"{r.randrange(10, 97):02d}{r.randrange(1, 99):02d}.{r.randrange(10, 99)}", NONE))
            cols["gross_kg"].append((f"{r.randrange(1, 900)}.{r.randrange(0, 10)}", NONE))
            cols["customs_value"].append((f"GBP {_ubk_amount(r)}", NONE))
            roll = r.random()
            if roll < 0.1:
                pan = v.unbeknown_card_number(r, v.pick(r, "visa", "mastercard", "diners"))
                cols["freight_payment"].append((_ubk_fixed_width(r, pan), _one("payment_card")))
            elif roll < 0.16:
                pan = v.unbeknown_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["freight_payment"].append((_ubk_transcript(r, pan), _one("payment_card")))
            elif roll < 0.22:
                pan = v.unbeknown_card_number(r, v.pick(r, "visa", "amex"))
                cols["freight_payment"].append((_ubk_moneris(r, pan), _one("payment_card")))
            elif roll < 0.6:
                pan = v.unbeknown_card_number(r, v.pick(r, "visa", "mastercard"))
                record = f"D{r.randrange(1, 99999):07d}{_ubk_name(r).upper():<20.20}{pan[:6]}******{pan[-4:]}   "
                cols["freight_payment"].append((record, NONE))
            else:
                cols["freight_payment"].append(("paid by the consignee on arrival", NONE))
            roll = r.random()
            if roll < 0.1:
                cols["agent_account"].append((_ubk_nav_invoice(r, v.unbeknown_iban(r, country="HU")), _one("iban")))
            elif roll < 0.16:
                cols["agent_account"].append((_ubk_acmt023(r, v.unbeknown_iban(r, country="GR")), _one("iban")))
            elif roll < 0.22:
                cols["agent_account"].append((_ubk_datev(r, v.unbeknown_iban(r)), _one("iban")))
            elif roll < 0.3:
                cols["agent_account"].append((v.unbeknown_bsb_account(r), NONE))
            elif roll < 0.38:
                cols["agent_account"].append((f"Bank of St Helena {v.unbeknown_sh_account(r)}", NONE))
            else:
                cols["agent_account"].append(("", NONE))
            roll = r.random()
            if roll < 0.08:
                cols["tracking_push"].append((_ubk_whatsapp(r), _one("phone")))
            elif roll < 0.14:
                text = f"token={v.unbeknown_pushover_pair(r)[0]}&user=g****&message=Crate+landed"
                cols["tracking_push"].append((text, _one("auth_token_assignment")))
            elif roll < 0.2:
                cols["tracking_push"].append((f"X-Gotify-Key: {v.unbeknown_gotify_token(r)}", _one("generic_secret")))
            elif roll < 0.26:
                text = f"centrifuge token {v.unbeknown_centrifugo_jwt(r)}"
                cols["tracking_push"].append((text, _one("jwt")))
            else:
                cols["tracking_push"].append(("X-Gotify-Key: ${GOTIFY_APP_TOKEN}", NONE))
            roll = r.random()
            if roll < 0.08:
                text = (
                    f"POST /shipping/v1/shipments AUTH-KEY: {v.unbeknown_auspost_key(r)} Account-Number: "
                    f"{v.unbeknown_clean_digits(r, 10)}"
                )
                cols["partner_call"].append((text, _one("generic_secret")))
            elif roll < 0.15:
                text = f"POST /api/orders Authorization: Basic {_ubk_basic(*v.unbeknown_sendle_pair(r))}"
                cols["partner_call"].append((text, _one("basic_auth")))
            elif roll < 0.22:
                text = f"GET /accountright/ x-myobapi-key: {v.unbeknown_myob_key(r)} x-myobapi-version: v2"
                cols["partner_call"].append((text, _one("generic_secret")))
            elif roll < 0.36:
                cols["partner_call"].append(("AUTH-KEY: ${AUSPOST_KEY} Account-Number: (from the vault)", NONE))
            else:
                cols["partner_call"].append(("", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"consignee away, deliver to her neighbour, phone {v.unbeknown_phone(r, regions)}"
                cols["customs_note"].append((text, _one("phone")))
            elif roll < 0.15:
                text = f"customs portal login for the agent reset to {v.unbeknown_password(r)}, change it on Monday"
                cols["customs_note"].append((text, _one("credential_phrase")))
            else:
                cols["customs_note"].append((r.choice(notes), NONE))
            cols["eta"].append((self._unbeknown_when(), NONE))
        table = CorpusTable("island_freight_manifests")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    # ------------------------------------------------------------------------ unreported shapes and tables

    def _unreported_vendor(self, names: tuple[str, str]) -> tuple[dict[str, str], str]:
        """A request's headers with a vendor's key and the key's label: the shared LLM vendors, and the tools the
        gateway's agents call (Rev.ai's, Vast.ai's, Permit.io's, Cal.com's, Memberful's, GlitchTip's and Semaphore's
        bearers, Rollbar's ``X-Rollbar-Access-Token``, Honeybadger's ``X-API-Key``, the Admiralty Tidal API's
        ``Ocp-Apim-Subscription-Key``, Flagsmith's server-side ``X-Environment-Key``, NocoDB's ``xc-token``,
        Budibase's ``x-budibase-api-key``, Umami Cloud's ``x-umami-api-key``, NOAA's ``token``, Kindful's ``Token
        token=``, Gitea's ``token``, LibreTime's and Flagsmith's ``Api-Key`` and Make's and Baserow's ``Token``
        schemes: keys of vendors with no detector of their own, and iNaturalist's, Firefly III's, Cerebrium's and
        NocoDB's JWTs); the host it went to and the header that carries the key are kept for the dump."""
        r = self.r
        gen, label, header, scheme, target = r.choice(_UNREPORTED_VENDORS)
        self._urp_target = target
        self._urp_key_header = header
        return {header: scheme + gen(r), names[1]: "application/json"}, label

    def _unreported_dump(self, head: dict[str, str]) -> str:
        """The gateway's request as one of seven tools shows it: the ClickHouse exporter's ``otel_traces`` row of the
        OpenTelemetry client span with its captured ``http.request.header.*`` attributes (the egress proxy's private
        address as ``network.peer.address``; with the instrumentation's sanitize list the key's header reads
        ``[REDACTED]``: then ``self._dump_masked``), ASP.NET Core's ``HttpLoggingMiddleware`` in the YARP egress proxy
        (by default every header outside its allow-list reads ``[Redacted]``: then ``self._dump_masked`` when the key
        was there), a Laravel Telescope ``client_request`` entry of the PHP back office (Telescope hides
        ``authorization``: then ``self._dump_masked``), ``socat -v`` on the plain-text hop to the egress sidecar,
        Spring's ``CommonsRequestLoggingFilter`` with headers and client info (the client's private address named),
        Chucker's exported transaction from the Android app (``redactHeaders`` shows ``**``: then
        ``self._dump_masked``) or Apache's ``mod_dumpio`` at ``trace7`` on the egress reverse proxy (the client's
        private address named). ``self._urp_dump_labels`` holds what the dump names besides the headers."""
        r = self.r
        self._dump_masked = False
        self._urp_dump_labels = NONE
        target = self._urp_target or _unreported_endpoint(head)
        key_header = self._urp_key_header
        self._urp_target, self._urp_key_header = None, None
        host, path = target
        lower = {k.lower(): val for k, val in head.items()}
        title = {k: "-".join(p.capitalize() for p in k.split("-")) for k in lower}
        length = r.randrange(120, 1000)
        agent = v.pick(r, "python-httpx/0.28.1", "okhttp/4.12.0", "Go-http-client/1.1")
        day = r.randrange(10, 28)
        weekday = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")[(day - 1) % 7]  # 1 February 2026 was a Sunday
        clock = contexts._urp_clock(r)
        shape = r.randrange(7)

        def private() -> str:
            return f"10.{r.randrange(0, 255)}.{r.randrange(0, 255)}.{r.randrange(2, 254)}"

        if shape == 0:
            self._urp_dump_labels = _one("ipv4")
            redacted = r.random() < 0.4
            self._dump_masked = redacted and key_header is not None
            attrs = {"http.request.method": "POST", "url.full": f"https://{host}{path}", "server.address": host,
                     "server.port": "443", "network.peer.address": private(), "network.protocol.version": "1.1",
                     "http.response.status_code": v.pick(r, "200", "401", "429"),
                     "user_agent.original": agent}  # fmt: skip
            for k, val in lower.items():
                attrs[f"http.request.header.{k}"] = json.dumps(["[REDACTED]" if redacted and k == key_header else val])
            row = {"Timestamp": f"2026-02-{day} {clock[:6]}{contexts._urp_seconds(r, 9)}",
                   "TraceId": contexts._hex(r, 32), "SpanId": contexts._hex(r, 16),
                   "ParentSpanId": contexts._hex(r, 16), "TraceState": "",
                   "SpanName": "POST", "SpanKind": "Client", "ServiceName": "gateway",
                   "ResourceAttributes": {"service.name": "gateway", "deployment.environment.name": "prod"},
                   "ScopeName": "opentelemetry.instrumentation.httpx", "ScopeVersion": "0.52b1",
                   "SpanAttributes": attrs, "Duration": _urp_count(r, 10**7, 9 * 10**8), "StatusCode": "Unset",
                   "StatusMessage": ""}  # fmt: skip
            return json.dumps(row)
        if shape == 1:
            allowed = r.random() < 0.5  # the proxy's options add the key's header to RequestHeaders
            self._dump_masked = not allowed and key_header is not None
            default = {"content-type", "content-length", "host", "user-agent", "accept", "accept-encoding"}
            lines = ["info: Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware[1]", "      Request:",
                     "      Protocol: HTTP/1.1", "      Method: POST", "      Scheme: http", "      PathBase: ",
                     f"      Path: {path}", f"      Host: {host}", f"      User-Agent: {agent}"]  # fmt: skip
            for k, val in lower.items():
                shown = val if k in default or (allowed and k == key_header) else "[Redacted]"
                lines.append(f"      {title[k]}: {shown}")
            lines.append(f"      Content-Length: {length}")
            return "\n".join(lines)
        if shape == 2:
            self._dump_masked = key_header == "authorization"
            headers = {k: ("********" if k in ("authorization", "php-auth-pw") else val) for k, val in lower.items()}
            headers |= {"user-agent": "GuzzleHttp/7", "content-length": str(length)}
            entry = {"uuid": v.unreported_uuid(r), "batch_id": v.unreported_uuid(r), "family_hash": None,
                     "should_display_on_index": 1, "type": "client_request",
                     "content": {"method": "POST", "uri": f"https://{host}{path}", "headers": headers,
                                 "payload": {"model": v.pick(r, "gpt-4o-mini", "claude-3-5-haiku"), "max_tokens": 512},
                                 "response_status": int(v.pick(r, "200", "401", "429")),
                                 "response_headers": {"content-type": "application/json"},
                                 "response": "Purged By Telescope", "duration": r.randrange(80, 900),
                                 "memory": r.randrange(4, 64), "hostname": "kmar-backoffice-1"},
                     "created_at": f"2026-02-{day} {clock}"}  # fmt: skip
            return json.dumps(entry)
        if shape == 3:
            when = f"2026/02/{day} {clock[:6]}{contexts._urp_seconds(r, 6)}"
            lines = [f"> {when}  length={length} from=0 to={length - 1}", f"POST {path} HTTP/1.1\\r",
                     f"Host: {host}\\r", f"User-Agent: {agent}\\r"]  # fmt: skip
            lines += [f"{title[k]}: {val}\\r" for k, val in lower.items()]
            lines += [f"Content-Length: {length - r.randrange(100, 120)}\\r", "\\r"]
            return "\n".join(lines)
        if shape == 4:
            self._urp_dump_labels = _one("ipv4")
            hdrs = [f'host:"{host}"', f'user-agent:"{agent}"'] + [f'{k}:"{val}"' for k, val in lower.items()]
            hdrs.append(f'content-length:"{length}"')
            return (
                f"2026-02-{day}T{clock}.{r.randrange(0, 1000):03d}Z DEBUG 1 --- [egress] [nio-8080-exec-"
                f"{r.randrange(1, 10)}] o.s.w.f.CommonsRequestLoggingFilter      : Before request [POST {path}, client="
                f"{private()}, headers=[{', '.join(hdrs)}]]"
            )
        if shape == 5:
            redacted = r.random() < 0.4
            self._dump_masked = redacted and key_header is not None
            zone = v.pick(r, "SST", "ChST", "CKT", "GMT+13:00")
            millis, response = r.randrange(80, 900), r.randrange(10, 90)
            lines = [f"URL: https://{host}{path}", "Method: POST", f"Protocol: {v.pick(r, 'h2', 'http/1.1')}",
                     "Status: Complete", f"Response: {v.pick(r, '200 OK', '401 Unauthorized')}", "SSL: Yes", "",
                     f"Request time: {weekday} Feb {day} {clock} {zone} 2026",
                     f"Response time: {weekday} Feb {day} {clock} {zone} 2026", f"Duration: {millis} ms", "",
                     f"Request size: {length} B", f"Response size: {response / 10:.1f} kB",
                     f"Total size: {(response + length // 100) / 10:.1f} kB", "", "---------- Request ----------",
                     ""]  # fmt: skip
            lines += [f"{k}: {'**' if redacted and k == key_header else val}" for k, val in lower.items()]
            lines += ["", '{"model":"gpt-4o-mini","stream":false,"messages":[...]}']
            return "\n".join(lines)
        self._urp_dump_labels = _one("ipv4")
        client = f"{private()}:{_urp_count(r, 32768, 61000)}"
        while True:  # the seconds, their fraction and the year read as no phone number together either
            seconds = contexts._urp_seconds(r, 6)
            if v._urp_no_phone(seconds.replace(".", "") + "2026"):
                break
        prefix = (
            f"[{weekday} Feb {day:02d} {clock[:6]}{seconds} 2026] [dumpio:trace7] [pid "
            f"{r.randrange(100, 999)}:tid {v.unreported_clean_digits(r, 15)}] mod_dumpio.c(103): [client {client}] "
            "mod_dumpio:  dumpio_in (data-HEAP): "
        )
        lines = [f"POST {path} HTTP/1.1", f"Host: {host}", f"User-Agent: {agent}"]
        lines += [f"{title[k]}: {val}" for k, val in lower.items()]
        lines.append(f"Content-Length: {length}")
        return "\n".join(prefix + line + "\\r\\n" for line in lines)

    def _unreported_generate(
        self, lang: str, user: str, answer: str
    ) -> tuple[dict[str, object], dict[str, object] | str, str, str]:
        """A request body and its reply with what each holds: a Bland AI pathway chat (a message in, the assistant's
        responses and the chat history with roles back), RAGFlow's chat completions (a question in, an answer and its
        reference chunks back), MaxKB's chat message API (a message in, the content back), Cloudflare AutoRAG's
        ``ai-search`` (a query in, the response, the rewritten query and the matched files back), Not Diamond's model
        router (role messages in, the chosen model back), QAnything's local knowledge-base chat (a question and the
        history as pairs in, the response and the history back) or Langdock's agent API (role messages with typed
        parts in, the assistant's message back)."""
        r = self.r
        self._reply_echoes = False
        system = chat.SYSTEM_PROMPTS[lang]
        earlier = r.choice([ex for ex in chat.EXCHANGES[lang] if ex[1] != answer])
        shape = r.randrange(7)
        body: dict[str, object]
        reply: dict[str, object]
        if shape == 0:
            self._reply_echoes = True
            body = {"message": user}
            reply = {"data": {"assistant_responses": [answer], "current_node_id": v.unreported_uuid(r),
                              "current_node_name": "Answer question",
                              "chat_history": [{"role": "user", "content": user},
                                               {"role": "assistant", "content": answer}],
                              "pathway_id": v.unreported_uuid(r), "chat_id": v.unreported_uuid(r)},
                     "errors": None}  # fmt: skip
            return body, reply, "", "chat_role_json"
        if shape == 1:
            session = contexts._hex(r, 32)
            body = {"question": user, "stream": False, "session_id": session}
            reply = {"code": 0, "data": {"answer": answer, "reference": {"total": 1, "chunks": [
                {"id": contexts._hex(r, 16),
                 "content": v.pick(r, "Trips are rescheduled free of charge when the sea is too rough.",
                                   "The visiting doctor comes on Thursdays.",
                                   "Pledge receipts are e-mailed within three days."),
                 "document_name": "faq.md", "similarity": round(r.random(), 4)}]},
                "audio_binary": None, "id": v.unreported_uuid(r), "session_id": session}}  # fmt: skip
            return body, reply, "", ""
        if shape == 2:
            body = {"message": user, "re_chat": False, "stream": False}
            reply = {"code": 200, "message": "成功",
                     "data": {"chat_id": v.unreported_uuid(r), "id": v.unreported_uuid(r), "operate": True,
                              "content": answer, "is_end": True}}  # fmt: skip
            return body, reply, "", ""
        if shape == 3:
            self._reply_echoes = True
            body = {"query": user, "rewrite_query": False, "max_num_results": 5,
                    "ranking_options": {"score_threshold": 0.4}}  # fmt: skip
            reply = {"success": True, "result": {"object": "vector_store.search_results.page", "search_query": user,
                                                 "response": answer, "data": [
                {"file_id": v.unreported_uuid(r), "filename": "visits.md", "score": round(r.random(), 3),
                 "attributes": {"folder": "faq/"}, "content": [{"type": "text", "id": "0",
                                                                "text": "The visiting doctor comes by boat."}]}],
                "has_more": False, "next_page": None}}  # fmt: skip
            return body, reply, "", ""
        if shape == 4:
            body = {"messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
                    "llm_providers": [{"provider": "openai", "model": "gpt-4o"},
                                      {"provider": "anthropic", "model": "claude-3-5-sonnet-20241022"}],
                    "tradeoff": "cost"}  # fmt: skip
            provider, model = r.choice((("openai", "gpt-4o"), ("anthropic", "claude-3-5-sonnet-20241022")))
            reply = {"providers": [{"provider": provider, "model": model}], "session_id": v.unreported_uuid(r)}
            return body, reply, "chat_role_json", ""
        if shape == 5:
            self._reply_echoes = True
            body = {"user_id": "zzp", "kb_ids": ["KB" + contexts._hex(r, 32)], "question": user,
                    "history": [[earlier[0], earlier[1]]], "streaming": False, "rerank": True}  # fmt: skip
            reply = {"code": 200, "msg": "success", "question": user, "response": answer,
                     "history": [[earlier[0], earlier[1]], [user, answer]],
                     "source_documents": [{"file_id": contexts._hex(r, 32), "file_name": "clinic_faq.pdf",
                                           "content": "Boat schedule: Thursdays.", "score": "0.71"}]}  # fmt: skip
            return body, reply, "", ""
        body = {"assistantId": v.unreported_uuid(r), "messages": [
            {"id": contexts._hex(r, 16), "role": "user", "parts": [{"type": "text", "text": user}]}]}  # fmt: skip
        reply = {"result": [{"id": contexts._hex(r, 16), "role": "assistant",
                             "content": [{"type": "text", "text": answer}]}]}  # fmt: skip
        return body, reply, "chat_role_json", "chat_role_json"

    def _unreported_paste(
        self, exchanges: list[tuple[str, tuple[str, str]]], contents: list[tuple[str, frozenset[str]]]
    ) -> None:
        """A support bot's answer that writes a new password out in its language, then per language a turn in which the
        user pastes a password in the language's words (a credential phrase) and one or two in which they paste a key
        (its vendor's finding), a card number, an IBAN or a phone number, with an answer that does not repeat it; in a
        turn of that language when the conversation has one (the free turns taken in order)."""
        r = self.r
        bot = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
        sentence = chat.PASSWORD_SENTENCES[exchanges[bot][0]].format(password=v.unreported_password(r))
        contents[2 * bot + 1] = (f"{contents[2 * bot + 1][0]} {sentence}", _one("credential_phrase"))
        used = {bot}
        others = ("key", "card", "iban", "phone")
        extra = {"lad": ("iban",), "bi": ("phone",)}
        regions = PHONE_REGIONS[self.split]
        for k, lang in enumerate(chat.UNREPORTED_LANGUAGES):
            for kind in ("password", others[k % 4], *extra.get(lang, ())):
                free = [i for i in range(5, ROWS // 2) if i not in used]
                turn = next((i for i in free if exchanges[i][0] == lang), free[0])
                used.add(turn)
                prompt, answer = chat.UNREPORTED_SECRET_TURNS[lang][kind]
                if kind == "password":
                    text, label = prompt.format(password=v.unreported_password(r)), "credential_phrase"
                elif kind == "key":
                    gen, label = r.choice(UNREPORTED_PASTED_KEYS)
                    text = prompt.format(key=gen(r))
                elif kind == "card":
                    card = v.unreported_card(r, sep=v.pick(r, " ", "-", ""))
                    text, label = prompt.format(card=card), "payment_card"
                elif kind == "iban":
                    text, label = prompt.format(iban=v.unreported_iban(r)), "iban"
                else:
                    text, label = prompt.format(phone=v.unreported_phone(r, regions)), "phone"
                contents[2 * turn] = (text, _one(label))
                contents[2 * turn + 1] = (answer, NONE)

    def _unreported_messages(self, shape: int, lang: str, ex: tuple[str, str]) -> str:
        """A conversation as chat services and help desks export it: Nextcloud Talk's chat API (``ocs.data``, a guest
        and a user, newest first), RingCentral Team Messaging posts, respond.io's message list (``incoming`` and
        ``outgoing`` traffic), an Instagram Messaging webhook event with the Send API reply, a Viber bot's webhook
        callback with the reply it sent, or a Mattermost bulk export ``post`` line with its reply. No export names an
        e-mail address or a phone number (ids are UUIDs, hex and numbers drawn to read as neither)."""
        r = self.r
        doc: object
        if shape == 0:
            token = _urp_hex_word(r, 8)
            sent = _urp_epoch(r)

            def talk(mid: int, actor_type: str, actor: str, name: str, text: str, at: int) -> dict[str, object]:
                return {"id": mid, "token": token, "actorType": actor_type, "actorId": actor, "actorDisplayName": name,
                        "timestamp": at, "message": text, "messageParameters": [], "systemMessage": "",
                        "messageType": "comment", "isReplyable": True, "referenceId": contexts._hex(r, 64),
                        "reactions": {}, "expirationTimestamp": 0, "markdown": True}  # fmt: skip

            mid = r.randrange(100, 999)
            doc = {"ocs": {"meta": {"status": "ok", "statuscode": 200, "message": "OK"}, "data": [
                talk(mid + 1, "users", "clinic-desk", "Atafu Health Centre", ex[1], sent + 60),
                talk(mid, "guests", contexts._hex(r, 40), "Guest", ex[0], sent)]}}  # fmt: skip
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 1:
            group = _urp_hex_word(r, 12)
            when = self._unreported_when(iso=True)
            doc = {"records": [
                {"id": _urp_hex_word(r, 12), "groupId": group, "type": "TextMessage", "text": ex[0],
                 "creatorId": _urp_hex_word(r, 10), "creationTime": when, "lastModifiedTime": when},
                {"id": _urp_hex_word(r, 12), "groupId": group, "type": "TextMessage", "text": ex[1],
                 "creatorId": "glip-bot-" + _urp_hex_word(r, 6), "creationTime": when, "lastModifiedTime": when}],
                "navigation": {"prevPageToken": None}}  # fmt: skip
            return json.dumps(doc, ensure_ascii=False)
        if shape == 2:
            contact, channel = r.randrange(100, 999), r.randrange(10, 99)

            def item(traffic: str, text: str, extra: dict[str, object]) -> dict[str, object]:
                return {"messageId": r.randrange(100, 999), "channelMessageId": contexts._hex(r, 24),
                        "contactId": contact, "channelId": channel, "traffic": traffic,
                        "message": {"type": "text", "text": text},
                        "status": [{"value": "delivered", "timestamp": _urp_epoch(r)}]} | extra  # fmt: skip

            doc = {"items": [item("incoming", ex[0], {}),
                             item("outgoing", ex[1], {"sender": {"source": "ai_agent"}})]}  # fmt: skip
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        if shape == 3:
            page, user = v.unreported_clean_digits(r, 17), v.unreported_clean_digits(r, 16)
            millis = contexts._urp_millis(r)
            doc = {
                "webhook": {"object": "instagram", "entry": [{"time": millis, "id": page, "messaging": [
                    {"sender": {"id": user}, "recipient": {"id": page}, "timestamp": millis,
                     "message": {"mid": "aWdfZAG1" + v.rand(r, v.B64URL, 60), "text": ex[0]}}]}]},
                "reply": {"recipient": {"id": user}, "messaging_type": "RESPONSE", "message": {"text": ex[1]}},
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=False)
        if shape == 4:
            sender = v.rand(r, v.ALNUM + "+/", 22) + "=="
            doc = {
                "callback": {"event": "message", "timestamp": contexts._urp_millis(r), "chat_hostname": "SN-CHAT-05_",
                             "message_token": int(v.unreported_clean_digits(r, 19)),
                             "sender": {"id": sender, "name": "Guest", "language": v.pick(r, "en", "fr", "it"),
                                        "api_version": 10},
                             "message": {"text": ex[0], "type": "text"}, "silent": False},
                "reply": {"receiver": sender, "min_api_version": 1, "sender": {"name": "Whale Watch Bot"},
                          "type": "text", "text": ex[1]},
            }  # fmt: skip
            return json.dumps(doc, ensure_ascii=r.random() < 0.5)
        sent = contexts._urp_millis(r)
        reply = {"user": "radio-bot", "message": ex[1], "create_at": sent + 4_000}
        doc = {"type": "post", "post": {"team": "kmar", "channel": "listeners", "user": "guest", "message": ex[0],
                                        "create_at": sent, "flagged_by": [], "replies": [reply]}}  # fmt: skip
        return json.dumps(doc, ensure_ascii=False)

    def _unreported_when(self, iso: bool = False) -> str:
        """A time in one of the shapes this split's systems print (none a finding): ISO 8601 with American Samoa's, the
        Marianas', the Cook Islands', Tokelau's, Saint Pierre's, Saint Barthélemy's, Diego Garcia's or Rome's offset, a
        ``Z`` time with milliseconds (the only shape when ``iso``), a French ``14/02/2026 à 10h21``, an American
        ``2/14/2026 10:21 AM`` or epoch milliseconds."""
        r = self.r
        day, clock = r.randrange(10, 28), contexts._urp_clock(r)
        shape = 1 if iso else r.randrange(5)
        if shape == 0:
            offset = v.pick(r, "-11:00", "+10:00", "-10:00", "+13:00", "-03:00", "-04:00", "+06:00", "+01:00")
            return f"2026-02-{day}T{clock}{offset}"
        if shape == 1:
            return f"2026-02-{day}T{clock}.{r.randrange(0, 1000):03d}Z"
        if shape == 2:
            return f"{day}/02/2026 à {clock[:2]}h{clock[3:5]}"
        if shape == 3:
            hour = int(clock[:2])
            return f"2/{day}/2026 {hour % 12 or 12}:{clock[3:5]} {'AM' if hour < 12 else 'PM'}"
        return str(contexts._urp_millis(r))

    def whale_watch_bookings(self) -> CorpusTable:
        """A whale-watching operator's bookings in Rarotonga (the humpbacks' season): the booking, the guest's e-mail
        and phone (full or masked), the trip and the party, the operator's permit, the payment (an NMI Direct Post body,
        a Payline authorisation or a Saferpay one with the PAN, or masked), the refund (a Qonto transfer or a bunq
        payment with an IBAN, or a New Zealand-format account), the sea-state call (WorldTides' ``key``, the Admiralty
        Tidal API's subscription key, Stadia Maps' ``api_key``, or a documented placeholder), the partner call (Xola's
        ``X-API-KEY``, Ventrata's bearer, an iNaturalist JWT for the sightings log, or none), the skipper's note (now
        and then a phone number or a password written down) and the departure."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("booking_ref", "guest_email", "guest_phone", "trip", "party", "permit", "payment", "refund_to",
                 "sea_state_api", "partner_call", "skipper_note", "departs_at")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = ("seasick last time, sit her at the stern", "bringing a GoPro on a pole", "vegetarian lunch",
                 "asked about swimming with the whales (not allowed)", "")  # fmt: skip
        for _ in range(ROWS):
            cols["booking_ref"].append((f"RWW-{v.rand(r, string.ascii_uppercase, 6)}", NONE))
            cols["guest_email"].append((v.unreported_email(r), _one("email")))
            if r.random() < 0.75:
                local = ("CK",) if r.random() < 0.6 else regions
                cols["guest_phone"].append((v.unreported_phone(r, local), _one("phone")))
            else:
                cols["guest_phone"].append((f"+682 7* {r.randrange(100, 999)}", NONE))
            cols["trip"].append((v.pick(r, "Morning humpback cruise", "Sunset whale watch", "Private charter"), NONE))
            cols["party"].append((str(r.randrange(1, 9)), NONE))
            cols["permit"].append((f"MMR-2026-{v.rand(r, string.ascii_uppercase, 3)}", NONE))
            roll = r.random()
            if roll < 0.1:
                pan = v.unreported_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["payment"].append((_urp_nmi(r, pan), _one("payment_card")))
            elif roll < 0.17:
                pan = v.unreported_card_number(r, v.pick(r, "visa", "amex"))
                cols["payment"].append((_urp_payline(r, pan), _one("payment_card")))
            elif roll < 0.24:
                pan = v.unreported_card_number(r, v.pick(r, "visa", "jcb"))
                cols["payment"].append((_urp_saferpay(r, pan), _one("payment_card")))
            elif roll < 0.6:
                pan = v.unreported_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["payment"].append((f"{_urp_brand(pan)} ending {pan[-4:]}, auth {_urp_auth_code(r)}", NONE))
            else:
                cols["payment"].append(("paid cash at the Avarua office", NONE))
            roll = r.random()
            if roll < 0.1:
                cols["refund_to"].append((_urp_qonto(r, v.unreported_iban(r, country="FR")), _one("iban")))
            elif roll < 0.17:
                cols["refund_to"].append((_urp_bunq(r, v.unreported_iban(r)), _one("iban")))
            elif roll < 0.27:
                cols["refund_to"].append((f"ANZ {v.unreported_nz_account(r)}", NONE))
            else:
                cols["refund_to"].append(("", NONE))
            roll = r.random()
            if roll < 0.08:
                text = f"/api/v3?heights&extremes&lat=-21.20&lon=-159.78&key={v.unreported_worldtides_key(r)}"
                cols["sea_state_api"].append((text, _one("auth_token_assignment")))
            elif roll < 0.15:
                text = f"GET /uktidalapi/api/V1/Stations Ocp-Apim-Subscription-Key: {v.unreported_admiralty_key(r)}"
                cols["sea_state_api"].append((text, _one("generic_secret")))
            elif roll < 0.21:
                text = f"/tiles/alidade_satellite/9/12/290.png?api_key={v.unreported_stadia_key(r)}"
                cols["sea_state_api"].append((text, _one("auth_token_assignment")))
            else:
                cols["sea_state_api"].append(("/api/v3?heights&lat=-21.20&lon=-159.78&key=<your key>", NONE))
            roll = r.random()
            if roll < 0.08:
                text = f"GET /api/experiences/{_urp_hex_word(r, 24)}/availability X-API-KEY: {v.unreported_xola_key(r)}"
                cols["partner_call"].append((text, _one("generic_secret")))
            elif roll < 0.15:
                text = f"POST /octo/bookings Authorization: Bearer {v.unreported_ventrata_token(r)}"
                cols["partner_call"].append((text, _one("bearer_token")))
            elif roll < 0.22:
                text = f"POST /v1/observations Authorization: {v.unreported_inat_jwt(r)}"
                cols["partner_call"].append((text, _one("jwt")))
            elif roll < 0.36:
                cols["partner_call"].append(("X-API-KEY: ${XOLA_API_KEY}", NONE))
            else:
                cols["partner_call"].append(("", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"guest's husband stays ashore, call him on {v.unreported_phone(r, regions)} if we run late"
                cols["skipper_note"].append((text, _one("phone")))
            elif roll < 0.15:
                text = f"hydrophone tablet was reset, the login is {v.unreported_password(r)} for now"
                cols["skipper_note"].append((text, _one("credential_phrase")))
            else:
                cols["skipper_note"].append((r.choice(notes), NONE))
            cols["departs_at"].append((self._unreported_when(), NONE))
        table = CorpusTable("whale_watch_bookings")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def radio_donors(self) -> CorpusTable:
        """A community radio's donor list in Saipan: the donor, the e-mail and phone, the tier and the pledge, the card
        (the pledge drive terminal's merchant copy, an Elavon Converge sale or a Bambora payment with the PAN, or
        masked), the recurring gift's account (a pain.013 request to pay, a Pennylane supplier or a Mangopay bank
        account with an IBAN, or a routing and account number), the CRM sync (Bloomerang's ``X-API-KEY``, Givebutter's
        bearer, Donorbox's Basic pair, Kindful's ``Token token=``, or a reference), the station's tools (AzuraCast's
        ``X-API-Key``, Spinitron's bearer, Mixcloud's ``access_token``, a Bluesky session JWT, or none), the
        volunteer's note and the pledge time."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("donor_id", "donor_email", "donor_phone", "tier", "pledge_usd", "pledge_card", "recurring_account",
                 "crm_sync", "station_tool", "volunteer_note", "pledged_at")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        notes = ("wants the mug, not the T-shirt", "requested a Chamorro music hour shout-out", "matching gift pending",
                 "do not call after 8 pm", "")  # fmt: skip
        for _ in range(ROWS):
            cols["donor_id"].append((f"D-{_urp_hex_word(r, 8)}", NONE))
            cols["donor_email"].append((v.unreported_email(r), _one("email")))
            if r.random() < 0.8:
                local = ("MP", "AS") if r.random() < 0.6 else regions
                cols["donor_phone"].append((v.unreported_phone(r, local), _one("phone")))
            else:
                cols["donor_phone"].append((f"(670) ***-**{r.randrange(10, 99)}", NONE))
            cols["tier"].append((v.pick(r, "Listener", "Sustainer", "Producer's circle"), NONE))
            cols["pledge_usd"].append((_urp_amount(r), NONE))
            roll = r.random()
            if roll < 0.1:
                pan = v.unreported_card_number(r, v.pick(r, "visa", "mastercard", "amex"))
                cols["pledge_card"].append((_urp_receipt(r, pan), _one("payment_card")))
            elif roll < 0.17:
                pan = v.unreported_card_number(r, v.pick(r, "visa", "discover"))
                cols["pledge_card"].append((_urp_converge(r, pan), _one("payment_card")))
            elif roll < 0.24:
                pan = v.unreported_card_number(r, v.pick(r, "mastercard", "diners"))
                cols["pledge_card"].append((_urp_bambora(r, pan), _one("payment_card")))
            elif roll < 0.6:
                pan = v.unreported_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["pledge_card"].append((f"{pan[:4]} **** **** {pan[-4:]} exp {r.randrange(1, 13):02d}/29", NONE))
            else:
                cols["pledge_card"].append(("check mailed to the station", NONE))
            roll = r.random()
            if roll < 0.1:
                cols["recurring_account"].append((_urp_pain013(r, v.unreported_iban(r, country="FR")), _one("iban")))
            elif roll < 0.16:
                cols["recurring_account"].append((_urp_pennylane(r, v.unreported_iban(r, country="FR")), _one("iban")))
            elif roll < 0.22:
                iban = v.unreported_iban(r, country=v.pick(r, "VA", "DE"))
                cols["recurring_account"].append((_urp_mangopay(r, iban), _one("iban")))
            elif roll < 0.32:
                cols["recurring_account"].append((v.unreported_us_account(r), NONE))
            else:
                cols["recurring_account"].append(("", NONE))
            roll = r.random()
            if roll < 0.07:
                text = f"GET /v2/constituents X-API-KEY: {v.unreported_bloomerang_key(r)}"
                cols["crm_sync"].append((text, _one("generic_secret")))
            elif roll < 0.14:
                text = f"GET /v1/transactions Authorization: Bearer {v.unreported_givebutter_key(r)}"
                cols["crm_sync"].append((text, _one("bearer_token")))
            elif roll < 0.2:
                text = f"GET /api/v1/donations Authorization: Basic {_urp_basic(*v.unreported_donorbox_pair(r))}"
                cols["crm_sync"].append((text, _one("basic_auth")))
            elif roll < 0.26:
                text = f'POST /api/v1/imports Authorization: Token token="{v.unreported_kindful_token(r)}"'
                cols["crm_sync"].append((text, _one("generic_secret")))
            else:
                cols["crm_sync"].append(("X-API-KEY: {{ secrets.BLOOMERANG_KEY }}", NONE))
            roll = r.random()
            if roll < 0.07:
                text = f"GET /api/station/1/listeners X-API-Key: {v.unreported_azuracast_key(r)}"
                cols["station_tool"].append((text, _one("generic_secret")))
            elif roll < 0.13:
                text = f"GET /api/spins Authorization: Bearer {v.unreported_spinitron_key(r)}"
                cols["station_tool"].append((text, _one("bearer_token")))
            elif roll < 0.19:
                text = f"POST /upload/?access_token={v.unreported_mixcloud_token(r)} name=Morning+Show"
                cols["station_tool"].append((text, _one("auth_token_assignment")))
            elif roll < 0.25:
                text = f"bsky session accessJwt={v.unreported_bluesky_jwt(r)}"
                cols["station_tool"].append((text, _one("jwt")))
            else:
                cols["station_tool"].append(("", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"prefers a call from the station manager: {v.unreported_phone(r, regions)}"
                cols["volunteer_note"].append((text, _one("phone")))
            elif roll < 0.15:
                text = f"pledge laptop login changed to {v.unreported_password(r)} for the drive"
                cols["volunteer_note"].append((text, _one("credential_phrase")))
            else:
                cols["volunteer_note"].append((r.choice(notes), NONE))
            cols["pledged_at"].append((self._unreported_when(), NONE))
        table = CorpusTable("radio_donors")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    def clinic_appointments(self) -> CorpusTable:
        """A remote island clinic's appointments (Tokelau's and the Cook Islands' outer islands, the visiting doctor by
        boat): the appointment, the patient's e-mail and phone, the atoll and the reason, the co-pay (an Unzer card
        type, a Paysafe authorization or a Bambora payment with the PAN, or masked), the refund (a Lemon Way IBAN or a
        bunq payment, or a New Zealand-format account), the telehealth link (a Vonage Video JWT, a Medplum access
        token, Cliniko's Basic key, Metriport's ``x-api-key``, or Veriff's public key and signature), the SMS reminder
        (a TextMagic, Clickatell or BulkSMS request with the number and the gateway's key), the nurse's note and the
        appointment time."""
        r = self.r
        regions = PHONE_REGIONS[self.split]
        names = ("appt_id", "patient_email", "patient_phone", "atoll", "reason", "copay", "refund_to", "telehealth",
                 "sms_reminder", "nurse_note", "appt_at")  # fmt: skip
        cols: dict[str, list[tuple[str, frozenset[str]]]] = {k: [] for k in names}
        reasons = ("follow-up, blood pressure", "dental check", "antenatal visit", "eye test", "wound dressing")
        notes = ("interpreter needed (Tokelauan)", "comes by the Thursday boat", "bring last results", "fasting", "")
        for _ in range(ROWS):
            cols["appt_id"].append((f"APT-{_urp_hex_word(r, 6).upper()}", NONE))
            if r.random() < 0.7:
                cols["patient_email"].append((v.unreported_email(r), _one("email")))
            else:
                cols["patient_email"].append(("", NONE))
            if r.random() < 0.8:
                local = ("TK", "CK") if r.random() < 0.6 else regions
                cols["patient_phone"].append((v.unreported_phone(r, local, True), _one("phone")))
            else:
                cols["patient_phone"].append(("+690 ****", NONE))
            cols["atoll"].append((v.pick(r, "Atafu", "Nukunonu", "Fakaofo", "Aitutaki", "Mangaia", "Pukapuka"), NONE))
            cols["reason"].append((r.choice(reasons), NONE))
            roll = r.random()
            if roll < 0.1:
                pan = v.unreported_card_number(r, v.pick(r, "visa", "unionpay"))
                cols["copay"].append((_urp_unzer(r, pan), _one("payment_card")))
            elif roll < 0.17:
                pan = v.unreported_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["copay"].append((_urp_paysafe(r, pan), _one("payment_card")))
            elif roll < 0.24:
                pan = v.unreported_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["copay"].append((_urp_bambora(r, pan), _one("payment_card")))
            elif roll < 0.55:
                pan = v.unreported_card_number(r, v.pick(r, "visa", "mastercard"))
                cols["copay"].append((f"card ****{pan[-4:]} ({_urp_brand(pan).lower()})", NONE))
            else:
                cols["copay"].append(("waived (community health scheme)", NONE))
            roll = r.random()
            if roll < 0.1:
                iban = v.unreported_iban(r, country=v.pick(r, "VA", "SC", "FR"))
                cols["refund_to"].append((_urp_lemonway(r, iban), _one("iban")))
            elif roll < 0.16:
                cols["refund_to"].append((_urp_bunq(r, v.unreported_iban(r, country="DE")), _one("iban")))
            elif roll < 0.28:
                cols["refund_to"].append((f"BCI {v.unreported_nz_account(r)}", NONE))
            else:
                cols["refund_to"].append(("", NONE))
            roll = r.random()
            if roll < 0.08:
                text = f"https://clinic.example/visit?token={v.unreported_vonage_video_jwt(r)}"
                cols["telehealth"].append((text, _one("jwt")))
            elif roll < 0.15:
                text = f"medplum: Authorization: Bearer {v.unreported_medplum_jwt(r)}"
                cols["telehealth"].append((text, _one("jwt")))
            elif roll < 0.21:
                text = f"GET /api/v1/patients Authorization: Basic {_urp_basic(v.unreported_cliniko_key(r), '')}"
                cols["telehealth"].append((text, _one("basic_auth")))
            elif roll < 0.27:
                text = f"POST /medical/v1/patient x-api-key: {v.unreported_metriport_key(r)}"
                cols["telehealth"].append((text, _one("generic_secret")))
            elif roll < 0.4:
                access = v.unreported_veriff_pair(r)[0]
                text = f"X-AUTH-CLIENT: {access} X-HMAC-SIGNATURE: {v.unreported_veriff_signature(r)}"
                cols["telehealth"].append((text, NONE))
            else:
                cols["telehealth"].append(("", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"POST /api/v2/messages X-TM-Key: {v.unreported_textmagic_key(r)} {_urp_textmagic(r)}"
                cols["sms_reminder"].append((text, frozenset({"generic_secret", "phone"})))
            elif roll < 0.17:
                text = f"POST /messages Authorization: {v.unreported_clickatell_key(r)} {_urp_clickatell(r)}"
                cols["sms_reminder"].append((text, frozenset({"generic_secret", "phone"})))
            elif roll < 0.24:
                text = f"POST /v1/messages {_urp_bulksms(r)}"
                cols["sms_reminder"].append((text, _one("phone")))
            elif roll < 0.4:
                cols["sms_reminder"].append(("queued: reminder to patient (number on file)", NONE))
            else:
                cols["sms_reminder"].append(("", NONE))
            roll = r.random()
            if roll < 0.1:
                text = f"daughter in Apia translates, her number {v.unreported_phone(r, regions, True)}"
                cols["nurse_note"].append((text, _one("phone")))
            elif roll < 0.15:
                text = f"satellite laptop reset, the nurse login is {v.unreported_password(r)} until IT comes"
                cols["nurse_note"].append((text, _one("credential_phrase")))
            else:
                cols["nurse_note"].append((r.choice(notes), NONE))
            cols["appt_at"].append((self._unreported_when(), NONE))
        table = CorpusTable("clinic_appointments")
        for name, cells in cols.items():
            table.add(name, cells)
        return table

    # ------------------------------------------------------------------------ chat

    def _languages(self) -> tuple[str, ...]:
        by_split = {
            "dev": chat.DEV_LANGUAGES,
            "holdout": chat.HOLDOUT_LANGUAGES,
            "unseen": chat.UNSEEN_LANGUAGES,
            "novel": chat.NOVEL_LANGUAGES,
            "sealed": chat.SEALED_LANGUAGES,
            "blind": chat.BLIND_LANGUAGES,
            "veiled": chat.VEILED_LANGUAGES,
            "hidden": chat.HIDDEN_LANGUAGES,
            "unheard": chat.UNHEARD_LANGUAGES,
            "untold": chat.UNTOLD_LANGUAGES,
            "unspoken": chat.UNSPOKEN_LANGUAGES,
            "unnamed": chat.UNNAMED_LANGUAGES,
            "unmarked": chat.UNMARKED_LANGUAGES,
            "unwritten": chat.UNWRITTEN_LANGUAGES,
            "unsaid": chat.UNSAID_LANGUAGES,
            "unvoiced": chat.UNVOICED_LANGUAGES,
            "unsung": chat.UNSUNG_LANGUAGES,
            "unlisted": chat.UNLISTED_LANGUAGES,
            "unheeded": chat.UNHEEDED_LANGUAGES,
            "unasked": chat.UNASKED_LANGUAGES,
            "unbidden": chat.UNBIDDEN_LANGUAGES,
            "unsought": chat.UNSOUGHT_LANGUAGES,
            "unclaimed": chat.UNCLAIMED_LANGUAGES,
            "unheralded": chat.UNHERALDED_LANGUAGES,
            "unnoticed": chat.UNNOTICED_LANGUAGES,
            "unremarked": chat.UNREMARKED_LANGUAGES,
            "unforeseen": chat.UNFORESEEN_LANGUAGES,
            "unguessed": chat.UNGUESSED_LANGUAGES,
            "unannounced": chat.UNANNOUNCED_LANGUAGES,
            "unbeknown": chat.UNBEKNOWN_LANGUAGES,
            "unreported": chat.UNREPORTED_LANGUAGES,
        }
        return by_split.get(self.split, chat.FRESH_LANGUAGES)

    def chat_tables(self) -> list[CorpusTable]:
        r = self.r
        langs = self._languages()
        exchanges = [(lang, ex) for lang in langs for ex in chat.EXCHANGES[lang]]
        r.shuffle(exchanges)
        messages = CorpusTable("chat_messages")
        roles, contents, conv = [], [], []
        for i, (_lang, (user, assistant)) in enumerate(exchanges[: ROWS // 2]):
            roles += [("user", NONE), ("assistant", NONE)]
            contents += [(user, NONE), (assistant, NONE)]
            conv += [(str(1000 + i), NONE)] * 2
        # People paste personal data into chats.
        contents[3] = (contents[3][0] + f" my email is {v.email(r)}", _one("email"))
        if self.split == "untold":
            phone = v.untold_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unspoken":
            phone = v.unspoken_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unnamed":
            phone = v.unnamed_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unmarked":
            phone = v.unmarked_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unwritten":
            phone = v.unwritten_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unsaid":
            phone = v.unsaid_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unvoiced":
            phone = v.unvoiced_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unsung":
            phone = v.unsung_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unlisted":
            phone = v.unlisted_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unheeded":
            phone = v.unheeded_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unasked":
            phone = v.unasked_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unbidden":
            phone = v.unbidden_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unsought":
            phone = v.unsought_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unclaimed":
            phone = v.unclaimed_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unheralded":
            phone = v.unheralded_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unnoticed":
            phone = v.unnoticed_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unremarked":
            phone = v.unremarked_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unforeseen":
            phone = v.unforeseen_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unguessed":
            phone = v.unguessed_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unannounced":
            phone = v.unannounced_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unbeknown":
            phone = v.unbeknown_phone(r, PHONE_REGIONS[self.split], True)
        elif self.split == "unreported":
            phone = v.unreported_phone(r, PHONE_REGIONS[self.split], True)
        else:
            phone = v.phone(r, PHONE_REGIONS[self.split], True)
        contents[7] = (contents[7][0] + f" — call me on {phone}", _one("phone"))
        if self.split == "unheard":  # a support bot writes a new password out in its language; a user pastes an IBAN
            turn = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
            sentence = chat.PASSWORD_SENTENCES[exchanges[turn][0]].format(password=v.password(r))
            contents[2 * turn + 1] = (f"{contents[2 * turn + 1][0]} {sentence}", _one("credential_phrase"))
            contents[4] = (f"{contents[4][0]} IBAN: {v.unheard_iban(r)}", _one("iban"))
        if self.split == "untold":  # a support bot writes a new password out in its language; a user pastes a card
            turn = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
            sentence = chat.PASSWORD_SENTENCES[exchanges[turn][0]].format(password=v.password(r))
            contents[2 * turn + 1] = (f"{contents[2 * turn + 1][0]} {sentence}", _one("credential_phrase"))
            contents[4] = (f"{contents[4][0]} card: {v.untold_card(r)}", _one("payment_card"))
        if self.split == "unspoken":  # a support bot writes a new password out in its language; a user pastes an IBAN
            turn = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
            sentence = chat.PASSWORD_SENTENCES[exchanges[turn][0]].format(password=v.password(r))
            contents[2 * turn + 1] = (f"{contents[2 * turn + 1][0]} {sentence}", _one("credential_phrase"))
            contents[4] = (f"{contents[4][0]} IBAN {v.unspoken_iban(r)}", _one("iban"))
        if self.split == "unnamed":  # a support bot writes a password out; in every language a user pastes one or a key
            turn = next(i for i in range(5, ROWS // 2) if exchanges[i][0] != "en")
            sentence = chat.PASSWORD_SENTENCES[exchanges[turn][0]].format(password=v.password(r))
            contents[2 * turn + 1] = (f"{contents[2 * turn + 1][0]} {sentence}", _one("credential_phrase"))
            for k, lang in enumerate(langs):
                i = next(i for i in range(ROWS // 2) if exchanges[i][0] == lang)
                contents[2 * i] = self._unnamed_leak(lang, k % 2 == 0)
        if (
            self.split == "unmarked"
        ):  # users paste a password or an API key, one turn per language; a user pastes a card
            self._paste_secrets(exchanges, contents)
            contents[4] = (f"{contents[4][0]} (card {v.unmarked_card(r)})", _one("payment_card"))
        if self.split == "unwritten":  # a bot writes a password out; users paste a password or a key in every language;
            self._unwritten_paste(exchanges, contents)  # users paste an IBAN and a card
            contents[4] = (f"{contents[4][0]} IBAN: {v.unwritten_iban(r)}", _one("iban"))
            contents[6] = (f"{contents[6][0]} — my card is {v.unwritten_card(r)}", _one("payment_card"))
        if self.split == "unsaid":  # a bot writes a password out; in every language users paste a password, a key, a
            self._unsaid_paste(exchanges, contents)  # card, an IBAN or a phone number
        if self.split == "unvoiced":  # a bot writes a password out; in every language users paste two of a password, a
            self._unvoiced_paste(exchanges, contents)  # key, a card, an IBAN or a phone number
        if self.split == "unsung":  # a bot writes a password out; in every language users paste two of a password, a
            self._unsung_paste(exchanges, contents)  # key, a card, an IBAN or a phone number
        if self.split == "unlisted":  # a bot writes a password out; in every language users paste two of a password,
            self._unlisted_paste(exchanges, contents)  # a key, a card, an IBAN or a phone number
        if self.split == "unheeded":  # a bot writes a password out; in every language users paste two of a password,
            self._unheeded_paste(exchanges, contents)  # a key, a card, an IBAN or a phone number
        if self.split == "unasked":  # a bot writes a password out; in every language users paste two of a password,
            self._unasked_paste(exchanges, contents)  # a key, a card, an IBAN or a phone number
        if self.split == "unbidden":  # a bot writes a password out; in every language users paste two of a password,
            self._unbidden_paste(exchanges, contents)  # a key, a card, an IBAN or a phone number
        if self.split == "unsought":  # a bot writes a password out; in every language users paste two of a password,
            self._unsought_paste(exchanges, contents)  # a key, a card, an IBAN or a phone number
        if self.split == "unclaimed":  # a bot writes a password out; in every language users paste two of a password,
            self._unclaimed_paste(exchanges, contents)  # a key, a card, an IBAN or a phone number
        if self.split == "unheralded":  # a bot writes a password out; in every language users paste two of a password,
            self._unheralded_paste(exchanges, contents)  # a key, a card, an IBAN or a phone number
        if self.split == "unnoticed":  # a bot writes a password out; in every language users paste two of a password,
            self._unnoticed_paste(exchanges, contents)  # a key, a card, an IBAN or a phone number
        if self.split == "unremarked":  # a bot writes a password out; in every language users paste two of a password,
            self._unremarked_paste(exchanges, contents)  # a key, a card, an IBAN or a phone number
        if self.split == "unforeseen":  # a bot writes a password out; in every language users paste two of a password,
            self._unforeseen_paste(exchanges, contents)  # a key, a card, an IBAN or a phone number
        if self.split == "unguessed":  # a bot writes a password out; in every language users paste two of a password,
            self._unguessed_paste(exchanges, contents)  # a key, a card, an IBAN or a phone number
        if self.split == "unannounced":  # a bot writes a password out; in every language users paste two of a password,
            self._unannounced_paste(exchanges, contents)  # a key, a card, an IBAN or a phone number
        if self.split == "unbeknown":  # a bot writes a password out; in every language users paste two of a password,
            self._unbeknown_paste(exchanges, contents)  # a key, a card, an IBAN or a phone number
        if self.split == "unreported":  # a bot writes a password out; in every language users paste two of a password,
            self._unreported_paste(exchanges, contents)  # a key, a card, an IBAN or a phone number
        messages.add("conversation_id", conv)
        messages.add("role", roles)
        messages.add("content", contents, frozenset({"chat_text"}))

        llm = CorpusTable("llm_requests")
        picked = [exchanges[i % len(exchanges)] for i in range(ROWS)]
        llm.add(
            "model", [(v.pick(r, "gpt-4o", "claude-3-5-sonnet", "deepseek-chat", "qwen-max"), NONE) for _ in picked]
        )
        llm.add("prompt", [(user, NONE) for _lang, (user, _a) in picked], frozenset({"chat_text"}))
        llm.add("response", [(answer, NONE) for _lang, (_u, answer) in picked], frozenset({"chat_text"}))
        llm.add("system_prompt", [(chat.SYSTEM_PROMPTS[lang], NONE) for lang, _ex in picked], frozenset({"chat_text"}))
        llm.add("messages_json", [(self._messages_json(lang, ex), _one("chat_role_json")) for lang, ex in picked])
        llm.add("finish_reason", [(v.pick(r, "stop", "length", "tool_calls"), NONE) for _ in picked])

        short = CorpusTable("quick_prompts")
        prompts = [p for lang in langs for p in chat.SHORT_PROMPTS[lang]]
        short.add("user_prompt", [(r.choice(prompts), NONE) for _ in range(ROWS)], frozenset({"chat_text"}))
        short.add("client", [(v.pick(r, "ios", "web", "android"), NONE) for _ in range(ROWS)])

        transcripts = CorpusTable("transcripts")
        transcripts.add(
            "transcript",
            [(self._transcript(ex), _one("chat_transcript")) for _lang, ex in picked],
            frozenset({"chat_text"}),
        )
        transcripts.add("raw_input", [(self._template(lang, ex), _one("chat_template")) for lang, ex in picked])

        plain = CorpusTable("app_events")
        plain.add(
            "message",
            [
                (
                    v.pick(
                        r,
                        "The nightly export finished. All 12 partitions were written.",
                        "Retrying the upload because the storage endpoint timed out.",
                        "User settings were saved and the cache was cleared.",
                        "Scheduled maintenance starts at midnight. Expect short downtime.",
                        "The payment webhook was received and queued for processing.",
                    ),
                    NONE,
                )
                for _ in range(ROWS)
            ],
        )
        plain.add(
            "review_text",
            [
                (
                    v.pick(
                        r,
                        "Great product, fast shipping. Would buy again!",
                        "The app crashes when I open settings. Please fix.",
                        "Works as described. Battery could be better.",
                    ),
                    NONE,
                )
                for _ in range(ROWS)
            ],
        )
        return [messages, llm, short, transcripts, plain]

    def _messages_json(self, lang: str, ex: tuple[str, str]) -> str:
        if self.split == "unreported":  # its own shapes too: Nextcloud Talk, RingCentral, respond.io, Instagram...
            shape = self.r.randrange(9)
            if shape >= 3:
                return self._unreported_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unbeknown":  # its own shapes too: Messenger, Amazon Connect, Drift, LINE, Salesforce, Gladly
            shape = self.r.randrange(9)
            if shape >= 3:
                return self._unbeknown_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unannounced":  # its own shapes too: Skype, Tiledesk, Dixa, LiveAgent, Userlike, Papercups
            shape = self.r.randrange(9)
            if shape >= 3:
                return self._unannounced_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unguessed":  # its own shapes too: Matrix, Zoho Desk, Trengo, WeChat, Kakao, Helpshift
            shape = self.r.randrange(9)
            if shape >= 3:
                return self._unguessed_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unforeseen":  # its own shapes too: Tidio, Re:amaze, HappyFox, Zulip, WhatsApp, Kayako
            shape = self.r.randrange(9)
            if shape >= 3:
                return self._unforeseen_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unremarked":  # its own shapes too: Jivo, Sendbird, Stream Chat, VK, Freshdesk, Olark
            shape = self.r.randrange(9)
            if shape >= 3:
                return self._unremarked_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unnoticed":  # its own shapes too: Twilio, Tawk.to, Genesys, Google Chat, Kustomer, SalesIQ
            shape = self.r.randrange(9)
            if shape >= 3:
                return self._unnoticed_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unheralded":  # its own shapes too: LivePerson, Sunshine, Discord, Telegram, FastGPT, Onyx
            shape = self.r.randrange(9)
            if shape >= 3:
                return self._unheralded_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unclaimed":  # its own shapes too: LM Studio, Goose, Freshchat, Front, Rocket.Chat, Teams
            shape = self.r.randrange(9)
            if shape >= 3:
                return self._unclaimed_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unsought":  # its own shapes too: Jan, BetterChatGPT, LiveChat, Help Scout, Gorgias, Msty
            shape = self.r.randrange(9)
            if shape >= 3:
                return self._unsought_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unbidden":  # its own shapes too: Open Interpreter, NextChat, Chatwoot, Khoj, Chatbox, Cherry
            shape = self.r.randrange(9)
            if shape >= 3:
                return self._unbidden_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unasked":  # its own shapes too: AnythingLLM, TypingMind, Botpress, AI Studio, big-AGI, Crisp
            shape = self.r.randrange(9)
            if shape >= 3:
                return self._unasked_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unheeded":  # its own shapes too: Claude.ai, HuggingChat, OpenAssistant, Intercom, Zendesk...
            shape = self.r.randrange(9)
            if shape >= 3:
                return self._unheeded_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unlisted":  # its own shapes too: Chatbot UI, LobeChat, Jan, SillyTavern, Continue.dev
            shape = self.r.randrange(8)
            if shape >= 3:
                return self._unlisted_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unsung":  # its own shapes too: ChatGPT exports, LibreChat, Bot Framework activities, Letta
            shape = self.r.randrange(7)
            if shape >= 3:
                return self._unsung_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if (
            self.split == "unvoiced"
        ):  # its own shapes too: LangSmith runs, Google ADK events, Realtime items, smolagents
            shape = self.r.randrange(7)
            if shape >= 3:
                return self._unvoiced_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unsaid":  # its own shapes too: Pydantic AI, DSPy history, Mistral Agents, OpenAI Agents SDK
            shape = self.r.randrange(7)
            if shape >= 3:
                return self._unsaid_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unwritten":  # its own shapes too: LangGraph, AutoGen, Semantic Kernel, Assistants threads
            shape = self.r.randrange(7)
            if shape >= 3:
                return self._unwritten_messages(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unnamed":  # its own shapes too: Vercel AI SDK UI messages, Haystack chat messages
            shape = self.r.randrange(5)
            if shape == 3:
                return json.dumps(_ai_sdk_messages(self.r, lang, ex), ensure_ascii=False)
            if shape == 4:
                return json.dumps(_haystack_messages(lang, ex), ensure_ascii=self.r.random() < 0.5)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unmarked":  # its own shapes too: Open WebUI, Langfuse, Flowise and Dify exports
            shape = self.r.randrange(7)
            if shape >= 3:
                return self._unmarked_export(shape - 3, lang, ex)
            return self._shared_messages_json(lang, ex, shape)
        if self.split == "unspoken":  # its own shapes too: LlamaIndex chat history, Rasa tracker events
            shape = self.r.randrange(5)
            if shape == 3:
                return json.dumps(_llamaindex_history(lang, ex), ensure_ascii=self.r.random() < 0.5)
            if shape == 4:
                return json.dumps(_rasa_tracker(self.r, ex), ensure_ascii=False)
            return self._shared_messages_json(lang, ex, shape)
        return self._shared_messages_json(lang, ex, -1)

    def _shared_messages_json(self, lang: str, ex: tuple[str, str], drawn: int) -> str:
        if self.split == "untold":  # its own shapes too: LangChain message dicts, OpenAI Batch API lines
            shape = self.r.randrange(5)
            if shape == 3:
                return json.dumps(_langchain_messages(lang, ex), ensure_ascii=self.r.random() < 0.5)
            if shape == 4:
                return json.dumps(_batch_line(self.r, lang, ex), ensure_ascii=False, separators=(",", ":"))
        elif drawn >= 0:
            shape = drawn
        else:
            shape = self.r.randrange(3)
        if shape == 0:
            msgs = [
                {"role": "system", "content": chat.SYSTEM_PROMPTS[lang]},
                {"role": "user", "content": ex[0]},
                {"role": "assistant", "content": ex[1]},
            ]
            return json.dumps({"model": "gpt-4o", "messages": msgs}, ensure_ascii=self.r.random() < 0.5)
        if shape == 1:
            return json.dumps(
                {
                    "contents": [
                        {"role": "user", "parts": [{"text": ex[0]}]},
                        {"role": "model", "parts": [{"text": ex[1]}]},
                    ]
                },
                ensure_ascii=False,
            )
        return json.dumps({"conversations": [{"from": "human", "value": ex[0]}, {"from": "gpt", "value": ex[1]}]})

    def _transcript(self, ex: tuple[str, str]) -> str:
        user, assistant = self.r.choice((("User", "Assistant"), ("Human", "AI"), ("user", "assistant")))
        sep = self.r.choice(("\\n", "\n"))
        return f"{user}: {ex[0]}{sep}{assistant}: {ex[1]}"

    def _template(self, lang: str, ex: tuple[str, str]) -> str:
        if self.split == "unspoken":  # its own markup too: Llama 3 headers, Phi-3 tags
            shape = self.r.randrange(5)
            if shape == 3:
                return _llama3_prompt(chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
            if shape == 4:
                system = f"<|system|>\\n{chat.SYSTEM_PROMPTS[lang]}<|end|>\\n"
                return f"{system}<|user|>\\n{ex[0]}<|end|>\\n<|assistant|>\\n{ex[1]}<|end|>"
        elif self.split == "unnamed":  # its own markup too: DeepSeek V3 and Command R
            shape = self.r.randrange(5)
            if shape == 3:
                head = f"<｜begin▁of▁sentence｜>{chat.SYSTEM_PROMPTS[lang]}"
                return f"{head}<｜User｜>{ex[0]}<｜Assistant｜>{ex[1]}<｜end▁of▁sentence｜>"
            if shape == 4:
                turn = "<|START_OF_TURN_TOKEN|>"
                return (
                    f"<BOS_TOKEN>{turn}<|SYSTEM_TOKEN|>{chat.SYSTEM_PROMPTS[lang]}<|END_OF_TURN_TOKEN|>"
                    f"{turn}<|USER_TOKEN|>{ex[0]}<|END_OF_TURN_TOKEN|>{turn}<|CHATBOT_TOKEN|>{ex[1]}<|END_OF_TURN_TOKEN|>"
                )
        elif self.split == "unmarked":  # its own markup too: Command R, DeepSeek V3, Zephyr
            shape = self.r.randrange(6)
            if shape >= 3:
                return _unmarked_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif self.split == "unwritten":  # its own markup too: Granite, gpt-oss harmony, Phi-4, OpenChat, GLM-4
            shape = self.r.randrange(8)
            if shape >= 3:
                return _unwritten_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif self.split == "unsaid":  # its own markup too: Llama 4, Mistral Tekken, Kimi K2, Llama 2 with <<SYS>>
            shape = self.r.randrange(7)
            if shape >= 3:
                return _unsaid_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif self.split == "unvoiced":  # its own markup too: Nemotron, Jamba 1.5, Baichuan 2, Seed-OSS
            shape = self.r.randrange(7)
            if shape >= 3:
                return _unvoiced_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif self.split == "unsung":  # its own markup too: EXAONE 3.5, Hunyuan, MiniMax, ERNIE 4.5, MiniCPM
            shape = self.r.randrange(8)
            if shape >= 3:
                return _unsung_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif self.split == "unlisted":  # its own markup too: StableLM, OpenAssistant, RedPajama, MOSS, TeleChat...
            shape = self.r.randrange(13)
            if shape >= 3:
                return _unlisted_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif self.split == "unheeded":  # its own markup too: Vicuna, Koala, Guanaco, Saiga, Reka, Yuan 2, Skywork...
            shape = self.r.randrange(11)
            if shape >= 3:
                return _unheeded_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif self.split == "unasked":  # its own markup too: Jais, Llama Guard, Phi-2, h2oGPT, BlueLM, Orion, Ling...
            shape = self.r.randrange(11)
            if shape >= 3:
                return _unasked_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif self.split == "unbidden":  # its own markup too: CodeLlama-70B, Apertus, OLMo, Aquila, ChatYuan...
            shape = self.r.randrange(9)
            if shape >= 3:
                return _unbidden_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif self.split == "unsought":  # its own markup too: Phind, Idefics2, DeepSeek-VL2, openPangu, CodeFuse...
            shape = self.r.randrange(9)
            if shape >= 3:
                return _unsought_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif self.split == "unclaimed":  # its own markup too: Functionary, Magicoder, rinna, YaYi, dots.llm1
            shape = self.r.randrange(8)
            if shape >= 3:
                return _unclaimed_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif self.split == "unheralded":  # its own markup too: PLaMo 2, StepFun, Grok 2, Sailor, YandexGPT, GigaChat
            shape = self.r.randrange(9)
            if shape >= 3:
                return _unheralded_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif self.split == "unnoticed":  # its own markup too: Alfred-40B, Persimmon, PhoGPT, Cerbero, SeaLLM, SEA-LION
            shape = self.r.randrange(9)
            if shape >= 3:
                return _unnoticed_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif self.split == "unremarked":  # its own markup too: LLM-jp, Vigogne, Gorilla, Phoenix, Dolly, Claire
            shape = self.r.randrange(9)
            if shape >= 3:
                return _unremarked_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif self.split == "unforeseen":  # its own markup too: Command A, BELLE, KoAlpaca, RWKV, Qwen3, Moondream
            shape = self.r.randrange(9)
            if shape >= 3:
                return _unforeseen_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif self.split == "unguessed":  # its own markup too: LLaVA-1.5, LFM2, DeepSeek Coder, StarCoder2, SmolLM3...
            shape = self.r.randrange(9)
            if shape >= 3:
                return _unguessed_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif (
            self.split == "unannounced"
        ):  # its own markup too: KARAKURI LM, NexusRaven-V2, Otter, mPLUG-Owl, LongCat...
            shape = self.r.randrange(9)
            if shape >= 3:
                return _unannounced_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif self.split == "unbeknown":  # its own markup too: GPT-SW3, DialoGPT, Qwen-VL, Qwen2-Audio, Granite Code...
            shape = self.r.randrange(9)
            if shape >= 3:
                return _unbeknown_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        elif self.split == "unreported":  # its own markup too: ShieldGemma, WildGuard, xLAM, SpeechGPT, KULLM...
            shape = self.r.randrange(9)
            if shape >= 3:
                return _unreported_markup(shape - 3, chat.SYSTEM_PROMPTS[lang], ex[0], ex[1])
        else:
            shape = self.r.randrange(3)
        if shape == 0:
            return (
                f"<|im_start|>system\\n{chat.SYSTEM_PROMPTS[lang]}<|im_end|>\\n<|im_start|>user\\n{ex[0]}<|im_end|>\\n"
                "<|im_start|>assistant\\n"
            )
        if shape == 1:
            return f"<s>[INST] {ex[0]} [/INST] {ex[1]}</s>"
        return f"<start_of_turn>user\\n{ex[0]}<end_of_turn>\\n<start_of_turn>model\\n{ex[1]}<end_of_turn>"


def _llm_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path a gateway's request went to, told by its key (a Cohere call when there is none)."""
    auth = head.get("authorization", "") + head.get("x-api-key", "")
    token = auth.removeprefix("Bearer ")
    if "x-api-key" in head:
        return "api.anthropic.com", "/v1/messages"
    if token.startswith(("ya29.", "1//")):
        return "generativelanguage.googleapis.com", "/v1beta/models/gemini-1.5-pro:generateContent"
    if token.startswith("sk-") and len(token) == 35 and "****" not in token:
        return "api.deepseek.com", "/chat/completions"
    if token.startswith("sk-"):
        return "api.openai.com", "/v1/chat/completions"
    return "api.cohere.com", "/v1/chat"


def _node_key(key: str) -> str:
    """A property name as util.inspect prints it: bare when it is an identifier, else in single quotes."""
    return key if key.replace("_", "a").isalnum() and not key[0].isdigit() else _node_string(key)


def _node_string(text: str) -> str:
    """A string as util.inspect quotes it: single quotes unless the text holds one, control characters escaped."""
    quote = "'" if "'" not in text else ('"' if '"' not in text else "`")
    escapes = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f", quote: "\\" + quote}
    return quote + "".join(escapes.get(ch, ch) for ch in text) + quote


# Log lines an LLM service writes that hold nothing sensitive but look close.
_AI_NOISE = (
    lambda r: (
        f"usage prompt_tokens={r.randrange(10, 4000)} completion_tokens={r.randrange(10, 4000)} "
        f"total={r.randrange(10, 8000)}"
    ),
    lambda r: f"invalid api key provided: sk-proj-****{v.rand(r, v.ALNUM, 4)}",
    lambda r: "Authorization header missing or malformed",
    lambda r: f"rate limit exceeded for key ending in {v.rand(r, v.ALNUM, 4)}, retry after {r.randrange(1, 60)}s",
    lambda r: f"password reset requested for user {r.randrange(1, 99999)}",
    lambda r: f"token count {r.randrange(8000, 200000)} exceeds context window of 128000 tokens",
    lambda r: f"session_id={contexts._rid(r)} trace_id={v.rand(r, v.HEX, 32)} span={v.rand(r, v.HEX, 16)}",
    lambda r: (
        f"model gpt-4o-2024-08-06 temperature=0.{r.randrange(0, 9)} top_p=0.95 max_tokens={r.randrange(256, 8192)}"
    ),
    lambda r: (
        f"upstream 503 from svc-{r.randrange(0, 255)}.{r.randrange(0, 255)}.{r.randrange(1, 254)}:8080 "
        f"after {r.randrange(1, 30)}s"
    ),
    lambda r: "Bearer token expired, refreshing",
    lambda r: f"cache key completion:{v.rand(r, v.HEX, 40)} stored ({r.randrange(1, 900)} kB)",
)


def _langchain_messages(lang: str, ex: tuple[str, str]) -> list[dict[str, object]]:
    """``langchain_core.messages.messages_to_dict`` of a system, a human and an AI message."""

    def message(kind: str, content: str) -> dict[str, object]:
        data: dict[str, object] = {
            "content": content,
            "additional_kwargs": {},
            "response_metadata": {},
            "type": kind,
            "name": None,
            "id": None,
        }
        if kind == "ai":
            data |= {"example": False, "tool_calls": [], "invalid_tool_calls": [], "usage_metadata": None}
        return {"type": kind, "data": data}

    return [message("system", chat.SYSTEM_PROMPTS[lang]), message("human", ex[0]), message("ai", ex[1])]


def _batch_line(r: random.Random, lang: str, ex: tuple[str, str]) -> dict[str, object]:
    """A line of an OpenAI Batch API input file: one chat completion request with a custom id."""
    messages = [{"role": "system", "content": chat.SYSTEM_PROMPTS[lang]}, {"role": "user", "content": ex[0]}]
    messages.append({"role": "assistant", "content": ex[1]})
    return {
        "custom_id": f"eval-{lang}-{r.randrange(1, 5000):05d}",
        "method": "POST",
        "url": "/v1/chat/completions",
        "body": {"model": v.pick(r, "gpt-4o-mini", "gpt-4.1-nano"), "messages": messages, "max_tokens": 512},
    }


_UNTOLD_ACCOUNT = "530871264419"  # twelve digits, not Luhn-valid and no valid number of the untold regions


def _untold_password(r: random.Random) -> str:
    return v.password(r)


# The untold split's key-value rows: secrets under key names no other split uses, vendor values under theirs (their
# vendor's label), and harmless settings with secret-sounding names (placeholders, names, paths, numbers).
_UNTOLD_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("clickhouse.interserver_http_credentials.password", _untold_password),
    ("SMTP_PASS", _untold_password),
    ("redis.auth", _untold_password),
    ("kafka.sasl.jaas.password", _untold_password),
    ("OIDC_CLIENT_SECRET", v.opaque_token),
    ("hmac_signing_key", lambda r: v.rand(r, v.HEX, 64)),
    ("vault_unseal_key", lambda r: v.b64(r.randbytes(32))),
    ("minio_root_password", _untold_password),
    ("sftp_passphrase", _untold_password),
    ("x-api-key", lambda r: v.rand(r, v.ALNUM, 40)),
    ("master_key", lambda r: v.b64(r.randbytes(32))),
    ("pgbouncer.auth_password", _untold_password),
]
_UNTOLD_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("clickhouse_cloud_key_secret", v.clickhouse_secret, "clickhouse_cloud_key"),
    ("aws_session_token", v.untold_sts_token, "aws_session_token"),
    ("admin_password_hash", lambda r: v.untold_password_hash(r), "password_hash"),
    ("gcp_access_token", v.untold_gcp_access_token, "gcp_oauth_token"),
    ("stripe_secret_key", v.stripe_key, "stripe_key"),
    ("slack_bot_token", v.slack_token, "slack_token"),
]
_UNTOLD_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("password_reset_url", lambda r: "https://id.acme.lv/reset"),
    ("session_cookie_secure", lambda r: v.pick(r, "true", "false")),
    ("token_audience", lambda r: "api://acme-prod"),
    ("secret_store", lambda r: v.pick(r, "aws-secretsmanager", "vault")),
    ("api_key_header_name", lambda r: "X-Api-Key"),
    ("private_key_path", lambda r: "/etc/ssl/private/acme.key"),
    ("password_hash_algorithm", lambda r: v.pick(r, "argon2id", "bcrypt", "yescrypt")),
    ("auth_provider", lambda r: "keycloak"),
    ("max_login_attempts", lambda r: str(r.randrange(3, 10))),
    ("jwt_issuer", lambda r: "https://id.acme.lv/realms/acme"),
    ("encryption_key_id", lambda r: "alias/acme-prod"),
    ("db_password", lambda r: v.pick(r, "{{ vault_db_password }}", "${DB_PASSWORD}", "${var.db_password}")),
    ("smtp_password", lambda r: v.pick(r, "", "<from vault>", "${{ secrets.SMTP_PASSWORD }}")),
]


# ---------------------------------------------------------------------------- the unspoken split's own shapes
#
# Written for the twelfth split by a sixth session that did not read the rules: Llama 3 and Phi-3 chat markup,
# LlamaIndex chat histories, Rasa tracker events, and key-value rows under key names no other split uses.


def _llama3_prompt(system: str, user: str, answer: str) -> str:
    """Llama 3's chat markup; ending with the assistant's header when there is no answer yet (a prompt)."""
    text = "<|begin_of_text|>"
    if system:
        text += f"<|start_header_id|>system<|end_header_id|>\n\n{system}<|eot_id|>"
    text += f"<|start_header_id|>user<|end_header_id|>\n\n{user}<|eot_id|>"
    text += "<|start_header_id|>assistant<|end_header_id|>\n\n"
    return text + (f"{answer}<|eot_id|>" if answer else "")


def _llamaindex_history(lang: str, ex: tuple[str, str]) -> list[dict[str, object]]:
    """LlamaIndex's ``ChatMessage.model_dump()`` of a chat history: a role and text blocks per message."""

    def message(role: str, text: str) -> dict[str, object]:
        return {"role": role, "additional_kwargs": {}, "blocks": [{"block_type": "text", "text": text}]}

    return [message("system", chat.SYSTEM_PROMPTS[lang]), message("user", ex[0]), message("assistant", ex[1])]


def _rasa_tracker(r: random.Random, ex: tuple[str, str]) -> dict[str, object]:
    """A Rasa conversation tracker (``GET /conversations/{id}/tracker``): user and bot events with their text."""
    start = 1_768_000_000 + r.randrange(10**6) + r.randrange(10**6) / 10**6
    intent = v.pick(r, "ask_help", "request_recipe", "express_worry")
    return {
        "sender_id": contexts._rid(r).replace("-", ""),
        "latest_event_time": round(start + 2.5, 6),
        "events": [
            {"event": "action", "timestamp": round(start, 6), "name": "action_session_start"},
            {
                "event": "user",
                "timestamp": round(start + 1.2, 6),
                "text": ex[0],
                "parse_data": {"intent": {"name": intent, "confidence": round(r.uniform(0.6, 0.99), 4)}},
                "input_channel": "rest",
            },
            {"event": "action", "timestamp": round(start + 1.3, 6), "name": "utter_answer"},
            {"event": "bot", "timestamp": round(start + 2.5, 6), "text": ex[1], "data": {}},
        ],
    }


def _unspoken_password(r: random.Random) -> str:
    return v.password(r)


# The unspoken split's key-value rows: secrets under key names no other split uses, vendor values under theirs (their
# vendor's label), and harmless settings with secret-sounding names (placeholders, references, paths, numbers).
_UNSPOKEN_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("CELERY_BROKER_PASSWORD", _unspoken_password),
    ("rabbitmq.default_pass", _unspoken_password),
    ("spark.ssl.keyStorePassword", _unspoken_password),
    ("KEYCLOAK_ADMIN_PASSWORD", _unspoken_password),
    ("NEXTAUTH_SECRET", lambda r: v.b64(r.randbytes(32))),
    ("wrangler_secret", lambda r: v.rand(r, v.ALNUM, 40)),
    ("ldap_bind_credential", _unspoken_password),
    ("cookie_signing_key", lambda r: v.rand(r, v.HEX, 64)),
    ("SFTP_KEY_PASSPHRASE", _unspoken_password),
    ("client-secret", lambda r: v.rand(r, v.ALNUM + "~._-", 40)),
    ("JWT_SIGNING_SECRET", lambda r: v.rand(r, v.ALNUM, 48)),
    ("grafana.admin_password", _unspoken_password),
]
_UNSPOKEN_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("CLICKHOUSE_CLOUD_API_SECRET", v.clickhouse_secret, "clickhouse_cloud_key"),
    ("CLICKHOUSE_CLOUD_API_KEY", lambda r: v.rand(r, v.ALNUM, 20), "clickhouse_cloud_key"),
    ("AWS_SESSION_TOKEN", v.untold_sts_token, "aws_session_token"),
    ("users.default.password_sha256_hex", lambda r: v.unspoken_password_hash(r, "clickhouse_sha256"), "password_hash"),
    (
        "users.reader.password_double_sha1_hex",
        lambda r: v.unspoken_password_hash(r, "clickhouse_double_sha1"),
        "password_hash",
    ),
    (
        "AZURE_STORAGE_SAS_TOKEN",
        lambda r: f"sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-02-01T00:00:00Z&sig={v.azure_sas_sig(r)}",
        "azure_sas_token",
    ),
    ("GRAPH_ACCESS_TOKEN", v.entra_access_token, "jwt"),
    ("GOOGLE_ACCESS_TOKEN", v.untold_gcp_access_token, "gcp_oauth_token"),
    ("HF_TOKEN", lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
]
_UNSPOKEN_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("CELERY_BROKER_PASSWORD_FILE", lambda r: "/run/secrets/broker_password"),
    ("KEYCLOAK_ADMIN_PASSWORD", lambda r: v.pick(r, "{{ .Values.keycloak.adminPassword }}", "${KC_ADMIN_PW}")),
    ("NEXTAUTH_URL", lambda r: "https://app.acme.al"),
    ("password_min_entropy_bits", lambda r: str(r.randrange(40, 80))),
    ("session_cookie_name", lambda r: v.pick(r, "MoodleSession", "i_like_gitea", "_acme_key")),
    (
        "token_introspection_endpoint",
        lambda r: "https://id.acme.al/realms/acme/protocol/openid-connect/token/introspect",
    ),
    ("secret_manager_project", lambda r: "acme-prod"),
    ("client-secret", lambda r: v.pick(r, "{{ client_secret }}", "<not set>", "sm://acme-prod/oidc-client-secret")),
    ("api_key_rotation_days", lambda r: str(r.randrange(30, 120))),
    ("SPARK_SSL_ENABLED", lambda r: v.pick(r, "true", "false")),
    ("hash_algorithm", lambda r: v.pick(r, "argon2id", "scrypt", "sha512_crypt")),
    ("CLICKHOUSE_CLOUD_API_SECRET", lambda r: v.pick(r, "", "********", "${{ secrets.CH_CLOUD_SECRET }}")),
]


# ---------------------------------------------------------------------------- the unnamed split's own shapes
#
# Written for the thirteenth split by a seventh session that did not read the rules: streamed replies of Anthropic
# and vLLM, vLLM's log of a received prompt, Vercel AI SDK and Haystack messages, and key-value rows under the naming
# conventions of ``.properties`` files, ``appsettings.json`` sections and Helm value paths.


def _chunks(r: random.Random, text: str) -> list[str]:
    """A reply cut into the pieces a stream sends, at word boundaries."""
    words = text.split(" ")
    cuts = sorted(r.sample(range(1, len(words)), min(len(words) - 1, r.randrange(1, 4)))) if len(words) > 1 else []
    pieces, start = [], 0
    for cut in [*cuts, len(words)]:
        pieces.append(" ".join(words[start:cut]) + (" " if cut < len(words) else ""))
        start = cut
    return pieces


def _anthropic_stream(r: random.Random, model: str, answer: str, tokens_in: int, tokens_out: int) -> str:
    """The Messages API's server-sent events: message_start (the assistant's message, empty), a text block whose
    text comes in ``content_block_delta`` events, then the stop events."""
    message_id = "msg_01" + v.rand(r, v.ALNUM, 22)
    start = {
        "type": "message_start",
        "message": {
            "id": message_id,
            "type": "message",
            "role": "assistant",
            "model": model,
            "content": [],
            "stop_reason": None,
            "stop_sequence": None,
            "usage": {"input_tokens": tokens_in, "output_tokens": 1},
        },
    }
    events = [("message_start", start)]
    events.append(
        (
            "content_block_start",
            {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
        )
    )
    for piece in _chunks(r, answer):
        delta = {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": piece}}
        events.append(("content_block_delta", delta))
    events.append(("content_block_stop", {"type": "content_block_stop", "index": 0}))
    stop = {
        "type": "message_delta",
        "delta": {"stop_reason": "end_turn", "stop_sequence": None},
        "usage": {"output_tokens": tokens_out},
    }
    events += [("message_delta", stop), ("message_stop", {"type": "message_stop"})]
    return "".join(
        f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False, separators=(',', ':'))}\n\n"
        for name, data in events
    )


def _vllm_stream(r: random.Random, model: str, answer: str) -> str:
    """vLLM's OpenAI-compatible server streaming a chat completion: a chunk with the assistant role, chunks of
    content, the finishing chunk, ``[DONE]``."""
    stream_id = "chatcmpl-" + v.rand(r, v.HEX, 32)
    created = 1_768_000_000 + r.randrange(10**6)

    def chunk(delta: dict[str, object], finish: str | None = None) -> str:
        data = {
            "id": stream_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
        }
        return "data: " + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n\n"

    out = [chunk({"role": "assistant", "content": ""})]
    out += [chunk({"content": piece}) for piece in _chunks(r, answer)]
    out += [chunk({}, "stop"), "data: [DONE]\n\n"]
    return "".join(out)


def _vllm_received(r: random.Random, lang: str, user: str) -> str:
    """vLLM's ``Received request`` log line: the prompt after the chat template (Qwen's ChatML) as a Python repr,
    the sampling parameters and the start of the token ids."""
    prompt = (
        f"<|im_start|>system\n{chat.SYSTEM_PROMPTS[lang]}<|im_end|>\n<|im_start|>user\n{user}<|im_end|>\n"
        "<|im_start|>assistant\n"
    )
    when = f"01-{r.randrange(10, 28)} {r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"
    params = (
        f"SamplingParams(n=1, presence_penalty=0.0, frequency_penalty=0.0, repetition_penalty=1.05, temperature=0.7, "
        f"top_p=0.8, top_k=20, min_p=0.0, seed=None, stop=[], stop_token_ids=[], bad_words=[], "
        f"include_stop_str_in_output=False, ignore_eos=False, max_tokens={r.choice((512, 1024))}, min_tokens=0, "
        "logprobs=None, prompt_logprobs=None, skip_special_tokens=True, spaces_between_special_tokens=True, "
        "truncate_prompt_tokens=None, guided_decoding=None, extra_args=None)"
    )
    ids = ", ".join(str(t) for t in (151644, 8948, 198, *(r.randrange(100, 150000) for _ in range(5))))
    return (
        f"INFO {when} [logger.py:39] Received request chatcmpl-{v.rand(r, v.HEX, 32)}: prompt: {prompt!r}, "
        f"params: {params}, prompt_token_ids: [{ids}, ...], prompt_embeds shape: None, lora_request: None, "
        "prompt_adapter_request: None."
    )


def _ai_sdk_messages(r: random.Random, lang: str, ex: tuple[str, str]) -> list[dict[str, object]]:
    """Vercel AI SDK 5's ``UIMessage`` list as a chat route receives it: ids, roles, typed parts."""

    def message(role: str, parts: list[dict[str, object]]) -> dict[str, object]:
        return {"id": v.rand(r, v.ALNUM, 16), "role": role, "parts": parts}

    return [
        message("system", [{"type": "text", "text": chat.SYSTEM_PROMPTS[lang]}]),
        message("user", [{"type": "text", "text": ex[0]}]),
        message("assistant", [{"type": "step-start"}, {"type": "text", "text": ex[1], "state": "done"}]),
    ]


def _haystack_messages(lang: str, ex: tuple[str, str]) -> list[dict[str, object]]:
    """Haystack 2's ``ChatMessage.to_dict()`` of a conversation: a role, meta, and content parts."""
    return [
        {"role": role, "meta": {}, "name": None, "content": [{"text": text}]}
        for role, text in (("system", chat.SYSTEM_PROMPTS[lang]), ("user", ex[0]), ("assistant", ex[1]))
    ]


def _unnamed_password(r: random.Random) -> str:
    return v.password(r)


# The unnamed split's key-value rows, named as ``.properties`` keys, ``appsettings.json`` section paths (``:``) and
# their environment form (``__``), and Helm value paths: secrets under names no other split uses, vendor values under
# theirs (their vendor's label), and harmless settings with secret-sounding names (references, ids, public keys).
_UNNAMED_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("spring.rabbitmq.password", _unnamed_password),
    ("AzureAd:ClientSecret", v.entra_client_secret),
    ("postgresql.auth.postgresPassword", _unnamed_password),
    ("redis.auth.password", _unnamed_password),
    ("Jwt__Key", lambda r: v.b64(r.randbytes(48))),
    ("quarkus.oidc.credentials.secret", lambda r: v.rand(r, v.ALNUM, 32)),
    ("secrets.encryptionKey", lambda r: v.b64(r.randbytes(32))),
    ("config.cookieSecret", lambda r: v.b64url(r.randbytes(32))),
    ("Stripe:WebhookSecret", lambda r: "whsec_" + v.rand(r, v.ALNUM, 32)),
    ("minio.rootPassword", _unnamed_password),
    ("keycloak.auth.adminPassword", _unnamed_password),
    ("mail.smtp.password", _unnamed_password),
]
_UNNAMED_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("OpenAI:ApiKey", v.unnamed_proj_key, "openai_project_key"),
    (
        "Authentication:Google:ClientSecret",
        lambda r: "GOCSPX-" + v.rand(r, v.ALNUM + "_-", 28),
        "google_oauth_client_secret",
    ),
    ("gitlab-runner.runnerToken", lambda r: "glrt-" + v.rand(r, v.ALNUM + "_-", 24), "gitlab_token"),
    (
        "spring.sendgrid.api-key",
        lambda r: f"SG.{v.rand(r, v.ALNUM + '_-', 22)}.{v.rand(r, v.ALNUM + '_-', 43)}",
        "sendgrid_api_key",
    ),
    (
        "Telegram__BotToken",
        lambda r: f"{r.randrange(10**8, 10**10)}:AA{v.rand(r, v.ALNUM + '_-', 33)}",
        "telegram_bot_token",
    ),
    (
        "ConnectionStrings:Storage",
        lambda r: (
            f"DefaultEndpointsProtocol=https;AccountName=acmeuz{v.rand(r, string.ascii_lowercase, 4)};"
            f"AccountKey={v.azure_account_key(r)};EndpointSuffix=core.windows.net"
        ),
        "azure_storage_connection_string",
    ),
    ("spring.security.user.password", lambda r: v.unnamed_password_hash(r, "spring_bcrypt"), "password_hash"),
    ("Identity:Seed:AdminPasswordHash", lambda r: v.unnamed_password_hash(r, "argon2id"), "password_hash"),
]
_UNNAMED_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("spring.rabbitmq.password", lambda r: v.pick(r, "${RABBITMQ_PASSWORD}", "${RABBIT_PW:}")),
    ("AzureAd:ClientId", lambda r: contexts._rid(r)),
    ("AzureAd:TenantId", lambda r: contexts._rid(r)),
    ("postgresql.auth.existingSecret", lambda r: "ledger-postgresql"),
    ("redis.auth.enabled", lambda r: v.pick(r, "true", "false")),
    ("Jwt:Issuer", lambda r: "https://id.acme.lu/realms/ledger"),
    ("Jwt:ExpiryMinutes", lambda r: str(r.randrange(5, 120))),
    ("Stripe:PublishableKey", lambda r: "pk_live_51" + v.rand(r, v.ALNUM, 97)),
    (
        "Authentication:Google:ClientId",
        lambda r: (
            f"{r.randrange(10**11, 10**12)}-{v.rand(r, string.ascii_lowercase + string.digits, 32)}"
            ".apps.googleusercontent.com"
        ),
    ),
    ("keycloak.auth.adminUser", lambda r: "admin"),
    ("mail.smtp.password", lambda r: v.pick(r, "", "#{SmtpPassword}#", "$(SmtpPassword)")),
    (
        "secrets.encryptionKeyRef",
        lambda r: "gcpkms://projects/acme-lu/locations/europe-west3/keyRings/app/cryptoKeys/ledger",
    ),
    ("password.hashing.algorithm", lambda r: v.pick(r, "argon2", "bcrypt", "pbkdf2")),
    ("config.cookieSecure", lambda r: "true"),
]


# ---------------------------------------------------------------------------- the unmarked split's own shapes
#
# Written for the fourteenth split by an eighth session that did not read the rules: chat markup of Command R, DeepSeek
# V3 and Zephyr, keys users paste into chats, OAuth client secrets, audit actions, and key-value rows named as Spring
# properties, Consul KV paths, Terraform variables and ``.env`` names.

_UNMARKED_PROJECT = "830174459216"  # a Google Cloud project number: not Luhn-valid, no valid number of the regions


def _unmarked_markup(shape: int, system: str, user: str, answer: str) -> str:
    """Command R's turn tokens, DeepSeek V3's full-width markers or Zephyr's tags; ending with the assistant's
    marker when there is no answer yet (a prompt)."""
    if shape == 0:
        turn = "<|START_OF_TURN_TOKEN|>"
        text = f"<BOS_TOKEN>{turn}<|SYSTEM_TOKEN|>{system}<|END_OF_TURN_TOKEN|>"
        text += f"{turn}<|USER_TOKEN|>{user}<|END_OF_TURN_TOKEN|>{turn}<|CHATBOT_TOKEN|>"
        return text + (f"{answer}<|END_OF_TURN_TOKEN|>" if answer else "")
    if shape == 1:
        text = f"<｜begin▁of▁sentence｜>{system}<｜User｜>{user}<｜Assistant｜>"
        return text + (f"{answer}<｜end▁of▁sentence｜>" if answer else "")
    text = f"<|system|>\n{system}</s>\n<|user|>\n{user}</s>\n<|assistant|>\n"
    return text + (f"{answer}</s>" if answer else "")


def _unmarked_password(r: random.Random) -> str:
    """The shared generator's password, or a word of the split's places with digits and a mark."""
    if r.random() < 0.6:
        return v.password(r)
    word = v.pick(r, "Itsasoa", "Breixo", "Baščaršija", "Angkor", "Amritsar", "Nemiga", "Muttrah", "Kampala")
    return word + str(r.randrange(10, 9999)) + v.pick(r, "!", "#", "%", "+", ".", "")


def _unmarked_client_secret(r: random.Random) -> str:
    """A client secret as Keycloak (32 characters), Entra ID (``xxx8Q~`` and 34) or Ory Hydra (base64url) issues it."""
    kind = r.randrange(3)
    if kind == 0:
        return v.rand(r, v.ALNUM, 32)
    if kind == 1:
        return v.rand(r, v.ALNUM, 3) + "8Q~" + v.rand(r, v.ALNUM + "~._-", 34)
    return v.b64url(r.randbytes(32))


# Keys users paste into a chat, with their vendor's label.
UNMARKED_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.openai_project, "openai_project_key"),
    (v.anthropic, "anthropic_api_key"),
    (v.deepseek, "deepseek_api_key"),
    (lambda r: v.github_token(r, "ghp"), "github_classic_token"),
    (lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
    (lambda r: "AIza" + v.rand(r, v.ALNUM + "_-", 35), "google_api_key"),
]

_UNMARKED_AUDIT_ACTIONS = (
    "user.email_changed",
    "user.phone_changed",
    "user.password_changed",
    "api_key.created",
    "payout.iban_changed",
    "integration.slack_connected",
    "user.mfa_reset",
    "card.updated",
    "settings.updated",
)

# The unmarked split's key-value rows: secrets under key names no other split uses (Spring properties, Consul KV
# paths, Terraform variables, ``.env`` names), vendor values under theirs (their vendor's label), and harmless
# settings with secret-sounding names (placeholders, references, publishable keys, paths, numbers).
_UNMARKED_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("spring.datasource.password", _unmarked_password),
    ("spring.mail.password", _unmarked_password),
    ("jasypt.encryptor.password", _unmarked_password),
    ("config/payments/prod/api_secret", lambda r: v.rand(r, v.ALNUM, 40)),
    ("config/ldap/bind_password", _unmarked_password),
    ("TF_VAR_db_admin_password", _unmarked_password),
    ("sql_admin_password", _unmarked_password),
    ("spring.security.oauth2.client.registration.keycloak.client-secret", lambda r: v.rand(r, v.ALNUM, 32)),
    ("ENTRA_CLIENT_SECRET", lambda r: v.rand(r, v.ALNUM, 3) + "8Q~" + v.rand(r, v.ALNUM + "~._-", 34)),
    ("CONSUL_HTTP_TOKEN", lambda r: contexts._rid(r)),
    ("app.encryption.master-key", lambda r: v.b64(r.randbytes(32))),
    ("DJANGO_SECRET_KEY", lambda r: v.rand(r, string.ascii_lowercase + string.digits + "!@#$%^&*(-_=+)", 50)),
]
_UNMARKED_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("spring.ai.openai.api-key", v.openai_project, "openai_project_key"),
    ("config/ci/gitlab_trigger_token", lambda r: "glptt-" + v.rand(r, v.HEX, 40), "gitlab_token"),
    ("TF_VAR_do_token", lambda r: "dop_v1_" + v.rand(r, v.HEX, 64), "digitalocean_token"),
    ("SUPABASE_SERVICE_ROLE_KEY", v.jwt, "jwt"),
    ("ADMIN_PASSWORD_HASH", lambda r: v.unmarked_password_hash(r), "password_hash"),
    ("config/alerting/slack_webhook_url", lambda r: (
        "https://hooks.slack.com/services/T0" + v.rand(r, v.UPPER, 9) + "/B0" + v.rand(r, v.UPPER, 9) + "/"
        + v.rand(r, v.ALNUM, 24)
    ), "slack_webhook"),
    ("HF_API_TOKEN", lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
    ("spring.cloud.aws.credentials.access-key", v.aws_key_id, "aws_access_key_id"),
]  # fmt: skip
_UNMARKED_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("spring.datasource.password", lambda r: v.pick(r, "${DB_PASSWORD}", "${vault.db.password}")),
    ("TF_VAR_db_admin_password", lambda r: ""),
    ("config/payments/prod/api_secret_path", lambda r: "kv/data/payments/prod"),
    ("spring.security.oauth2.client.registration.keycloak.client-id", lambda r: "portal"),
    ("jasypt.encryptor.algorithm", lambda r: "PBEWITHHMACSHA512ANDAES_256"),
    ("server.servlet.session.cookie.name", lambda r: v.pick(r, "JSESSIONID", "SESSION")),
    ("spring.session.timeout", lambda r: v.pick(r, "30m", "8h")),
    ("CONSUL_HTTP_ADDR", lambda r: "https://consul.service.consul:8501"),
    ("password_expiry_days", lambda r: str(r.randrange(30, 180))),
    ("config/ldap/bind_dn", lambda r: "cn=svc-ldap,ou=services,dc=acme,dc=eus"),
    ("app.jwt.secret-key", lambda r: v.pick(r, "${JWT_SECRET}", "${JWT_SECRET:}")),
    ("STRIPE_PUBLISHABLE_KEY", lambda r: "pk_live_51" + v.rand(r, v.ALNUM, 97)),
    ("SESSION_SECRET_FILE", lambda r: "/run/secrets/session_secret"),
    ("ENTRA_TENANT_ID", lambda r: contexts._rid(r)),
]


# ---------------------------------------------------------------------------- the unwritten split's own shapes
#
# Written for the fifteenth split by a ninth session that did not read the rules: the gateway's Faraday log and the
# hosts its keys go to, Ollama's debug log of a rendered prompt, chat markup of Granite, gpt-oss (harmony), Phi-4,
# OpenChat and GLM-4, keys users paste into chats, CI variables and key-value rows named as SSM parameter paths, Azure
# Key Vault secret names, Vault KV paths with a field, Rails credentials paths, Jenkins credential ids and Nomad
# variables.


def _unwritten_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path a request went to, told by its key: Groq's ``gsk_`` keys, IBM Cloud IAM tokens (watsonx.ai),
    the shared vendors; the internal gateway when there is no key."""
    token = head.get("authorization", "").removeprefix("Bearer ")
    if token.startswith("gsk_"):
        return "api.groq.com", "/openai/v1/chat/completions"
    if token.startswith("eyJ"):
        return "eu-de.ml.cloud.ibm.com", "/ml/v1/text/generation?version=2024-10-08"
    if not token and "x-api-key" not in head:
        return "llm-gateway.acme.internal", "/api/generate"
    return _llm_endpoint(head)


def _ollama_debug(r: random.Random, lang: str, user: str) -> str:
    """Ollama's server log at ``OLLAMA_DEBUG=1``: the prompt it rendered with the model's template, Go-quoted in a
    logfmt line (Llama 3.1, Qwen 2.5's ChatML or Gemma 2 turns)."""
    system = chat.SYSTEM_PROMPTS[lang]
    model = v.pick(r, "llama3.1:8b", "qwen2.5:7b", "gemma2:9b")
    if model.startswith("llama"):
        prompt = _llama3_prompt(system, user, "")
    elif model.startswith("qwen"):
        prompt = f"<|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\n{user}<|im_end|>\n<|im_start|>assistant\n"
    else:
        prompt = f"<start_of_turn>user\n{system}\n\n{user}<end_of_turn>\n<start_of_turn>model\n"
    when = contexts._ts(r).replace("Z", f".{r.randrange(0, 1000):03d}Z")
    return (
        f'time={when} level=DEBUG source=routes.go:{r.randrange(1400, 1600)} msg="chat request" images=0 '
        f"prompt={contexts._go_quote(prompt)}"
    )


def _unwritten_markup(shape: int, system: str, user: str, answer: str) -> str:
    """Granite 3's roles, gpt-oss' harmony format, Phi-4's ``<|im_sep|>``, OpenChat's ``GPT4 Correct`` turns or
    GLM-4's ``[gMASK]<sop>``; ending with the assistant's marker when there is no answer yet (a prompt)."""
    if shape == 0:
        text = f"<|start_of_role|>system<|end_of_role|>{system}<|end_of_text|>\n"
        text += f"<|start_of_role|>user<|end_of_role|>{user}<|end_of_text|>\n<|start_of_role|>assistant<|end_of_role|>"
        return text + (f"{answer}<|end_of_text|>" if answer else "")
    if shape == 1:
        text = (
            "<|start|>system<|message|>You are ChatGPT, a large language model trained by OpenAI.\nKnowledge cutoff: "
            "2024-06\nCurrent date: 2026-01-12\n\nReasoning: low\n\n# Valid channels: analysis, commentary, final. "
            "Channel must be included for every message.<|end|>"
            f"<|start|>developer<|message|># Instructions\n\n{system}<|end|><|start|>user<|message|>{user}<|end|>"
            "<|start|>assistant"
        )
        return text + (f"<|channel|>final<|message|>{answer}<|return|>" if answer else "")
    if shape == 2:
        text = f"<|im_start|>system<|im_sep|>{system}<|im_end|><|im_start|>user<|im_sep|>{user}<|im_end|>"
        text += "<|im_start|>assistant<|im_sep|>"
        return text + (f"{answer}<|im_end|>" if answer else "")
    if shape == 3:
        text = f"GPT4 Correct User: {user}<|end_of_turn|>GPT4 Correct Assistant:"
        return text + (f" {answer}<|end_of_turn|>" if answer else "")
    text = f"[gMASK]<sop><|system|>\n{system}<|user|>\n{user}<|assistant|>"
    return text + (f"\n{answer}" if answer else "")


def _uw_fine_grained(r: random.Random) -> str:
    return "github_pat_" + v.rand(r, v.ALNUM, 22) + "_" + v.rand(r, v.ALNUM, 59)


def _uw_sendgrid(r: random.Random) -> str:
    return f"SG.{v.rand(r, v.ALNUM + '_-', 22)}.{v.rand(r, v.ALNUM + '_-', 43)}"


def _uw_telegram(r: random.Random) -> str:
    return f"{r.randrange(10**9, 8 * 10**9)}:AA{v.rand(r, v.ALNUM + '_-', 33)}"


def _uw_storage_connection(r: random.Random) -> str:
    return (
        "DefaultEndpointsProtocol=https;AccountName=acmecymru;AccountKey="
        + v.azure_account_key(r)
        + ";EndpointSuffix=core.windows.net"
    )


def _uw_admin_hash(r: random.Random) -> str:
    return v.unwritten_password_hash(r, v.pick(r, "cisco_asa", "openldap_pbkdf2", "mysql_caching_sha2"))


# Keys users paste into a chat, with their vendor's label.
UNWRITTEN_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (lambda r: "github_pat_" + v.rand(r, v.ALNUM, 22) + "_" + v.rand(r, v.ALNUM, 59), "github_fine_grained_token"),
    (v.slack_token, "slack_token"),
    (v.stripe_key, "stripe_key"),
    (lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
    (lambda r: f"SG.{v.rand(r, v.ALNUM + '_-', 22)}.{v.rand(r, v.ALNUM + '_-', 43)}", "sendgrid_api_key"),
    (lambda r: f"{r.randrange(10**9, 8 * 10**9)}:AA{v.rand(r, v.ALNUM + '_-', 33)}", "telegram_bot_token"),
    (lambda r: "glpat-" + v.rand(r, v.ALNUM + "_-", 20), "gitlab_token"),
]


def _uw_slack_hook(r: random.Random) -> str:
    return (
        "https://hooks.slack.com/services/T0" + v.rand(r, v.UPPER, 9) + "/B0" + v.rand(r, v.UPPER, 9) + "/"
        + v.rand(r, v.ALNUM, 24)
    )  # fmt: skip


def _uw_public_pem(r: random.Random) -> str:
    body = v.b64(r.randbytes(91))
    return f"-----BEGIN PUBLIC KEY-----\n{body[:64]}\n{body[64:]}\n-----END PUBLIC KEY-----"


# The unwritten split's CI/CD variables: secrets of no vendor (named by their key), vendor values (their vendor's
# label), and harmless variables.
_UNWRITTEN_CI_SECRETS: list[tuple[str, v.Gen]] = [
    ("DB_ROOT_PASSWORD", v.unwritten_password),
    ("COSIGN_PASSWORD", v.unwritten_password),
    ("ANSIBLE_VAULT_PASSWORD", v.unwritten_password),
    ("KEYSTORE_PASS", v.unwritten_password),
    ("WEBHOOK_HMAC_SECRET", lambda r: v.rand(r, v.HEX, 64)),
    ("DOCKERHUB_TOKEN", lambda r: "dckr_pat_" + v.rand(r, v.ALNUM + "_-", 27)),
    ("MINIO_ROOT_PASSWORD", v.unwritten_password),
    ("TF_HTTP_PASSWORD", v.unwritten_password),
    ("RAILS_MASTER_KEY", lambda r: v.rand(r, v.HEX, 32)),
    ("ARTIFACTORY_API_KEY", lambda r: "AKCp" + v.rand(r, v.ALNUM, 69)),
]
_UNWRITTEN_CI_VENDOR: list[tuple[str, v.Gen, str]] = [
    ("NPM_TOKEN", lambda r: "npm_" + v.rand(r, v.ALNUM, 36), "npm_token"),
    ("PYPI_API_TOKEN", lambda r: "pypi-AgEIcHlwaS5vcmc" + v.rand(r, v.ALNUM + "_-", 80), "pypi_token"),
    ("AWS_SECRET_ACCESS_KEY", v.aws_secret, "aws_secret_access_key"),
    ("AWS_ACCESS_KEY_ID", v.aws_key_id, "aws_access_key_id"),
    ("SLACK_WEBHOOK_URL", _uw_slack_hook, "slack_webhook"),
    ("GITLAB_API_TOKEN", lambda r: "glpat-" + v.rand(r, v.ALNUM + "_-", 20), "gitlab_token"),
    ("DIGITALOCEAN_ACCESS_TOKEN", lambda r: "dop_v1_" + v.rand(r, v.HEX, 64), "digitalocean_token"),
    ("HF_TOKEN", lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
    ("STRIPE_API_KEY", lambda r: "rk_live_51" + v.rand(r, v.ALNUM, 97), "stripe_key"),
    ("SENDGRID_API_KEY", _uw_sendgrid, "sendgrid_api_key"),
    ("KUBE_TOKEN", v.k8s_service_account_token, "jwt"),
    ("GOOGLE_OAUTH_ACCESS_TOKEN", v.untold_gcp_access_token, "gcp_oauth_token"),
]  # fmt: skip
_UNWRITTEN_CI_PLAIN: list[tuple[str, v.Gen]] = [
    ("DOCKER_IMAGE", lambda r: f"registry.gitlab.com/acme/api:{r.randrange(1, 9)}.{r.randrange(0, 30)}"),
    ("KUBE_NAMESPACE", lambda r: v.pick(r, "prod", "staging", "cy-prod")),
    ("AWS_DEFAULT_REGION", lambda r: "eu-west-2"),
    ("DB_ROOT_PASSWORD", lambda r: v.pick(r, "$VAULT_DB_ROOT_PASSWORD", "${DB_ROOT_PASSWORD_PROD}")),
    ("TF_HTTP_USERNAME", lambda r: "gitlab-ci-token"),
    (
        "SENTRY_DSN",
        lambda r: (
            f"https://{v.rand(r, v.HEX, 32)}@o{r.randrange(10**5, 10**6)}.ingest.sentry.io/{r.randrange(10**6, 10**7)}"
        ),
    ),
    ("COSIGN_PUBLIC_KEY", _uw_public_pem),
    ("HELM_CHART_VERSION", lambda r: f"{r.randrange(1, 4)}.{r.randrange(0, 20)}.{r.randrange(0, 9)}"),
    ("SLACK_CHANNEL", lambda r: "#deploys"),
    ("API_TOKEN", lambda r: "$CI_JOB_TOKEN"),
    ("SAST_EXCLUDED_PATHS", lambda r: "spec, test, tmp"),
    ("NPM_TOKEN", lambda r: "[MASKED]"),
]  # fmt: skip

# The unwritten split's key-value rows: secrets under key names no other split uses (AWS SSM parameter paths, Azure
# Key Vault secret names, Vault KV paths with a field, Rails credentials paths, Jenkins credential ids, Nomad
# variables), vendor values under theirs (their vendor's label), and harmless settings with secret-sounding names
# (dynamic references, Key Vault references, public keys, ids, numbers).
_UNWRITTEN_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("/acme/prod/mysql/master_password", v.unwritten_password),
    ("/acme/prod/payments/hmac_key", lambda r: v.rand(r, v.HEX, 64)),
    ("kv-cymru-prod/sql-admin-password", v.unwritten_password),
    ("kv-cymru-prod/jwt-signing-key", lambda r: v.b64(r.randbytes(48))),
    ("secret/data/mdina/ldap#bind_pw", v.unwritten_password),
    ("secret/data/mdina/smtp#password", v.unwritten_password),
    ("credentials.yml.enc:production.secret_key_base", lambda r: v.rand(r, v.HEX, 128)),
    ("jenkins/credentials/nexus-deploy/password", v.unwritten_password),
    ("nomad/jobs/ibadan-api:SESSION_KEY", lambda r: v.b64url(r.randbytes(32))),
    ("wireguard/wg0/PrivateKey", lambda r: v.b64(r.randbytes(32))),
    ("keepalived.vrrp_instance.VI_1.auth_pass", lambda r: v.rand(r, v.ALNUM, 8)),
    ("app/etc/env.php:crypt.key", lambda r: v.rand(r, string.ascii_lowercase + string.digits, 32)),
]
_UNWRITTEN_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("/acme/prod/openai/api_key", v.openai_project, "openai_project_key"),
    ("kv-cymru-prod/anthropic-api-key", v.anthropic, "anthropic_api_key"),
    ("secret/data/ci/github#token", _uw_fine_grained, "github_fine_grained_token"),
    ("/acme/prod/stripe/restricted_key", lambda r: "rk_live_51" + v.rand(r, v.ALNUM, 97), "stripe_key"),
    ("kv-cymru-prod/storage-connection-string", _uw_storage_connection, "azure_storage_connection_string"),
    ("secret/data/ibadan/twilio#api_key_sid", lambda r: "SK" + v.rand(r, v.HEX, 32), "twilio_api_key"),
    ("/acme/prod/sendgrid/api_key", _uw_sendgrid, "sendgrid_api_key"),
    ("credentials.yml.enc:production.aws.access_key_id", v.aws_key_id, "aws_access_key_id"),
    ("kv-cymru-prod/admin-password-hash", _uw_admin_hash, "password_hash"),
    ("secret/data/telegram#bot_token", _uw_telegram, "telegram_bot_token"),
]
_UNWRITTEN_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("/acme/prod/mysql/master_password", lambda r: "{{resolve:ssm-secure:/acme/prod/mysql/master_password:3}}"),
    ("/acme/prod/mysql/master_username", lambda r: "admin"),
    (
        "kv-cymru-prod/sql-admin-password",
        lambda r: "@Microsoft.KeyVault(SecretUri=https://kv-cymru-prod.vault.azure.net/secrets/sql-admin-password/)",
    ),
    ("secret/data/mdina/ldap#bind_dn", lambda r: "cn=svc-ldap,ou=services,dc=acme,dc=mt"),
    ("/acme/prod/payments/hmac_key_version", lambda r: str(r.randrange(2, 12))),
    ("kv-cymru-prod/jwt-signing-key-expiry", lambda r: "2026-06-30T00:00:00Z"),
    ("credentials.yml.enc:production.secret_key_base", lambda r: "<%= ENV.fetch('SECRET_KEY_BASE') %>"),
    ("wireguard/wg0/PublicKey", lambda r: v.b64(r.randbytes(32))),
    ("password_history_count", lambda r: str(r.randrange(5, 25))),
    ("token_signing_alg", lambda r: v.pick(r, "EdDSA", "ES256", "RS256")),
    ("session.cookie_lifetime", lambda r: str(r.randrange(600, 86400))),
    ("secret_rotation_lambda_arn", lambda r: f"arn:aws:lambda:eu-west-2:{v.UNWRITTEN_ACCOUNT}:function:rotate-mysql"),
    ("/acme/prod/stripe/publishable_key", lambda r: "pk_live_51" + v.rand(r, v.ALNUM, 97)),
    ("/acme/prod/openai/org_id", lambda r: "org-" + v.rand(r, v.ALNUM, 24)),
]


# ---------------------------------------------------------------------------- the unsaid split's own shapes
#
# Written for the sixteenth split by a tenth session that did not read the rules: the hosts its keys go to, SGLang's
# log of a received request, chat markup of Llama 4, Mistral's Tekken format, Kimi K2 and Llama 2 (``<<SYS>>``), keys
# users paste into chats, and key-value rows named as 1Password references, GCP Secret Manager versions, Doppler
# configs and Vault paths.


def _unsaid_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path a request went to, told by its key: xAI, Perplexity, Fireworks, Replicate, a Hugging Face
    Inference Endpoint; the shared vendors; the internal gateway when there is no key."""
    token = head.get("authorization", "").removeprefix("Bearer ")
    if token.startswith("xai-"):
        return "api.x.ai", "/v1/chat/completions"
    if token.startswith("pplx-"):
        return "api.perplexity.ai", "/chat/completions"
    if token.startswith("fw_"):
        return "api.fireworks.ai", "/inference/v1/completions"
    if token.startswith("r8_"):
        return "api.replicate.com", "/v1/predictions"
    if token.startswith("hf_"):
        return "llama-4-scout-acme.eu-west-1.aws.endpoints.huggingface.cloud", "/"
    if not token and "x-api-key" not in head:
        return "llm-gateway.acme.internal", "/v1/chat/completions"
    return _llm_endpoint(head)


def _unsaid_markup(shape: int, system: str, user: str, answer: str) -> str:
    """Llama 4's header tokens, Mistral's Tekken (V7) format, Kimi K2's ``<|im_middle|>`` turns or Llama 2's
    ``[INST] <<SYS>>``; ending with the assistant's marker when there is no answer yet (a prompt)."""
    if shape == 0:
        text = f"<|begin_of_text|><|header_start|>system<|header_end|>\n\n{system}<|eot|>"
        text += f"<|header_start|>user<|header_end|>\n\n{user}<|eot|><|header_start|>assistant<|header_end|>\n\n"
        return text + (f"{answer}<|eot|>" if answer else "")
    if shape == 1:
        text = f"<s>[SYSTEM_PROMPT]{system}[/SYSTEM_PROMPT][INST]{user}[/INST]"
        return text + (f"{answer}</s>" if answer else "")
    if shape == 2:
        text = f"<|im_system|>system<|im_middle|>{system}<|im_end|><|im_user|>user<|im_middle|>{user}<|im_end|>"
        text += "<|im_assistant|>assistant<|im_middle|>"
        return text + (f"{answer}<|im_end|>" if answer else "")
    text = f"<s>[INST] <<SYS>>\n{system}\n<</SYS>>\n\n{user} [/INST]"
    return text + (f" {answer} </s>" if answer else "")


def _sglang_receive(r: random.Random, lang: str, user: str) -> str:
    """SGLang's ``--log-requests`` line: the request it received, its prompt rendered in Mistral's Tekken format
    (a Python repr), the sampling parameters and the request id."""
    prompt = _unsaid_markup(1, chat.SYSTEM_PROMPTS[lang], user, "")
    when = f"2026-01-{r.randrange(10, 28)} {r.randrange(0, 24):02d}:{r.randrange(0, 60):02d}:{r.randrange(0, 60):02d}"
    params = {"max_new_tokens": r.choice((512, 1024)), "temperature": 0.7, "top_p": 0.95}
    return (
        f"[{when} TP0] Receive: obj=GenerateReqInput(text={prompt!r}, input_ids=None, image_data=None, "
        f"sampling_params={params!r}, rid='{v.rand(r, v.HEX, 32)}', return_logprob=False, stream=False, "
        "log_metrics=True, lora_path=None)"
    )


# Keys users paste into a chat, with their vendor's label.
UNSAID_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.openai_project, "openai_project_key"),
    (v.anthropic, "anthropic_api_key"),
    (lambda r: "AIza" + v.rand(r, v.ALNUM + "_-", 35), "google_api_key"),
    (lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
    (lambda r: "npm_" + v.rand(r, v.ALNUM, 36), "npm_token"),
    (lambda r: "dop_v1_" + v.rand(r, v.HEX, 64), "digitalocean_token"),
    (lambda r: "shpat_" + v.rand(r, v.HEX, 32), "shopify_token"),
    (lambda r: "glpat-" + v.rand(r, v.ALNUM + "_-", 20), "gitlab_token"),
]


def _us_sendgrid(r: random.Random) -> str:
    return f"SG.{v.rand(r, v.ALNUM + '_-', 22)}.{v.rand(r, v.ALNUM + '_-', 43)}"


# The unsaid split's key-value rows: secrets under references no other split uses (1Password ``op://`` item fields,
# GCP Secret Manager versions, Doppler configs, Vault paths), vendor values under theirs (their vendor's label), and
# harmless settings with secret-sounding names (references to other secrets, public keys, ids, URLs, numbers).
_UNSAID_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("op://Prod/Postgres Lusaka/password", v.unsaid_password),
    ("op://Prod/SMTP relay/password", v.unsaid_password),
    ("projects/acme-ai/secrets/session-signing-key/versions/4", lambda r: v.b64(r.randbytes(32))),
    ("projects/acme-ai/secrets/redis-auth/versions/2", v.unsaid_password),
    ("prd_gateway/WEBHOOK_HMAC_SECRET", lambda r: v.rand(r, v.HEX, 64)),
    ("prd_gateway/ADMIN_BASIC_PASSWORD", v.unsaid_password),
    ("kv/llm/eval-runner#api_secret", lambda r: v.rand(r, v.ALNUM, 40)),
    ("kv/billing/psp#merchant_secret", lambda r: v.b64url(r.randbytes(32))),
    ("op://Infra/Proxmox root/password", v.unsaid_password),
    ("projects/acme-ai/secrets/langfuse-secret-key/versions/1", lambda r: f"sk-lf-{contexts._rid(r)}"),
]
_UNSAID_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("op://Prod/OpenAI/credential", v.openai_project, "openai_project_key"),
    ("projects/acme-ai/secrets/anthropic-api-key/versions/7", v.anthropic, "anthropic_api_key"),
    ("prd_gateway/HF_TOKEN", lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
    ("kv/ci/npm#token", lambda r: "npm_" + v.rand(r, v.ALNUM, 36), "npm_token"),
    ("prd_billing/SENDGRID_API_KEY", _us_sendgrid, "sendgrid_api_key"),
    ("kv/infra/do#token", lambda r: "dop_v1_" + v.rand(r, v.HEX, 64), "digitalocean_token"),
    ("projects/acme-ai/secrets/supabase-service-role/versions/3", lambda r: v.supabase_key(r, "service_role"), "jwt"),
    (
        "op://Prod/Grafana admin/password_hash",
        lambda r: v.unsaid_password_hash(r, "ldap_pbkdf2_sha256"),
        "password_hash",
    ),
    ("kv/ci/pypi#token", lambda r: "pypi-AgEIcHlwaS5vcmc" + v.rand(r, v.ALNUM + "_-", 80), "pypi_token"),
    ("prd_gateway/GOOGLE_MAPS_KEY", lambda r: "AIza" + v.rand(r, v.ALNUM + "_-", 35), "google_api_key"),
]
_UNSAID_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("op://Prod/Postgres Lusaka/username", lambda r: "app"),
    ("op://Prod/Postgres Lusaka/hostname", lambda r: "pg-lusaka.internal"),
    (
        "projects/acme-ai/secrets/session-signing-key/versions/latest",
        lambda r: "projects/acme-ai/secrets/session-signing-key/versions/4",
    ),
    ("prd_gateway/OPENAI_BASE_URL", lambda r: "https://api.openai.com/v1"),
    ("prd_gateway/LANGFUSE_PUBLIC_KEY", lambda r: f"pk-lf-{contexts._rid(r)}"),
    ("prd_gateway/DEFAULT_MODEL", lambda r: v.pick(r, "gpt-4o-mini", "claude-haiku-4-5", "grok-3-mini")),
    ("kv/llm/eval-runner#api_secret_version", lambda r: str(r.randrange(2, 12))),
    (
        "prd_gateway/ADMIN_BASIC_PASSWORD",
        lambda r: v.pick(r, "op://Prod/Gateway admin/password", "${ADMIN_BASIC_PASSWORD}"),
    ),
    ("prd_billing/STRIPE_PUBLISHABLE_KEY", lambda r: "pk_live_51" + v.rand(r, v.ALNUM, 97)),
    ("kv/billing/psp#merchant_id", lambda r: f"MID-{r.randrange(1000, 9999)}"),
    ("prd_gateway/TOKEN_TTL_SECONDS", lambda r: str(r.randrange(600, 86400))),
    ("op://Prod/OpenAI/organization", lambda r: "org-" + v.rand(r, v.ALNUM, 24)),
]


# ---------------------------------------------------------------------------- the unvoiced split's own shapes
#
# Written for the seventeenth split by an eleventh session that did not read the rules: the hosts its keys go to,
# LocalAI's debug log of a rendered prompt, chat markup of Nemotron, Jamba 1.5, Baichuan 2 and Seed-OSS, keys users
# paste into chats, and key-value rows named as .NET configuration keys, Pulumi stack settings and etcd paths.


def _unvoiced_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path a request went to, told by its key: Cerebras, Voyage, Jina, Zhipu, Nebius; the shared
    vendors; the internal gateway when there is no key."""
    token = head.get("authorization", "").removeprefix("Bearer ")
    if token.startswith("csk-"):
        return "api.cerebras.ai", "/v1/chat/completions"
    if token.startswith("pa-"):
        return "api.voyageai.com", "/v1/contextualizedembeddings"
    if token.startswith("jina_"):
        return "deepsearch.jina.ai", "/v1/chat/completions"
    if token.startswith("eyJ"):
        return "api.studio.nebius.com", "/v1/chat/completions"
    if len(token) == 49 and token[32:33] == ".":
        return "open.bigmodel.cn", "/api/paas/v4/chat/completions"
    if not token and "x-api-key" not in head:
        return "llm-gateway.acme.internal", "/v1/chat/completions"
    return _llm_endpoint(head)


def _unvoiced_markup(shape: int, system: str, user: str, answer: str) -> str:
    """Nemotron's ``<extra_id_0>System`` turns, Jamba 1.5's ``<|bom|><|role|>`` turns, Baichuan 2's ``<reserved_106>``
    and ``<reserved_107>``, or Seed-OSS's ``<seed:bos>role``; ending with the assistant's marker when there is no
    answer yet (a prompt)."""
    if shape == 0:
        text = f"<extra_id_0>System\n{system}\n\n<extra_id_1>User\n{user}\n<extra_id_1>Assistant\n"
        return text + (f"{answer}\n" if answer else "")
    if shape == 1:
        text = f"<|startoftext|><|bom|><|system|> {system}<|eom|><|bom|><|user|> {user}<|eom|><|bom|><|assistant|>"
        return text + (f" {answer}<|eom|>" if answer else "")
    if shape == 2:
        return f"{system}<reserved_106>{user}<reserved_107>{answer}"
    text = f"<seed:bos>system\n{system}<seed:eos><seed:bos>user\n{user}<seed:eos><seed:bos>assistant\n"
    return text + (f"{answer}<seed:eos>" if answer else "")


def _localai_debug(r: random.Random, lang: str, user: str) -> str:
    """LocalAI's debug line with the prompt after templating (Jamba 1.5 markup), as its console logger prints it."""
    prompt = _unvoiced_markup(1, chat.SYSTEM_PROMPTS[lang], user, "")
    hour = r.randrange(1, 13)
    return f"{hour}:{r.randrange(0, 60):02d}{r.choice(('AM', 'PM'))} DBG Prompt (after templating): {prompt}"


def _uv_pem_lines(r: random.Random, n: int) -> list[str]:
    body = v.b64(r.randbytes(n))
    return [body[i : i + 64] for i in range(0, len(body), 64)]


def _uv_sa_json(r: random.Random) -> str:
    """A GCP service-account key file without its client e-mail (that would be another class)."""
    pem = "\n".join(["-----BEGIN PRIVATE KEY-----", *_uv_pem_lines(r, 300), "-----END PRIVATE KEY-----"]) + "\n"
    doc = {
        "type": "service_account",
        "project_id": "acme-ai-prod",
        "private_key_id": v.rand(r, v.HEX, 40),
        "private_key": pem,
        "token_uri": "https://oauth2.googleapis.com/token",
    }
    return json.dumps(doc)


# Keys users paste into a chat, with their vendor's label.
UNVOICED_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.openai_legacy, "openai_legacy_key"),
    (v.deepseek, "deepseek_api_key"),
    (v.slack_token, "slack_token"),
    (lambda r: v.github_token(r, "ghp"), "github_classic_token"),
    (v.stripe_key, "stripe_key"),
    (lambda r: f"SG.{v.rand(r, v.ALNUM + '_-', 22)}.{v.rand(r, v.ALNUM + '_-', 43)}", "sendgrid_api_key"),
    (lambda r: "pypi-AgEIcHlwaS5vcmc" + v.rand(r, v.ALNUM + "_-", 80), "pypi_token"),
    (lambda r: f"{r.randrange(10**9, 8 * 10**9)}:AA{v.rand(r, v.ALNUM + '_-', 33)}", "telegram_bot_token"),
]


def _uv_pulumi_cipher(r: random.Random) -> str:
    """A Pulumi stack config ``secure:`` value: ``v1:``, a base64 nonce and the ciphertext (not the secret)."""
    return f"v1:{v.b64(r.randbytes(12))}:{v.b64(r.randbytes(r.randrange(40, 90)))}"


# The unvoiced split's key-value rows: secrets under names no other split uses (.NET configuration keys with colons,
# Pulumi ``project:key`` settings, etcd paths), vendor values under theirs (their vendor's label), and harmless
# settings with secret-sounding names (references, Pulumi ciphertexts, public ids, hosts, numbers).
_UNVOICED_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("ConnectionStrings:Warehouse:Password", v.unvoiced_password),
    ("Jwt:SigningKey", lambda r: v.b64(r.randbytes(32))),
    ("acme-gateway:cerebrasApiKey", v.unvoiced_cerebras_key),
    ("acme-gateway:voyageApiKey", v.unvoiced_voyage_key),
    ("/config/rag/pinecone/api_key", v.unvoiced_pinecone_key),
    ("/config/rag/databricks/token", v.unvoiced_databricks_pat),
    ("Smtp:Password", v.unvoiced_password),
    ("acme-billing:webhookSecret", lambda r: v.rand(r, v.HEX, 64)),
    ("/config/auth/auth0/client_secret", lambda r: v.rand(r, v.ALNUM + "-_", 64)),
    ("Notion:IntegrationToken", v.unvoiced_notion_token),
    ("acme-obs:newRelicApiKey", v.unvoiced_newrelic_key),
    ("/config/ci/linear/api_key", v.unvoiced_linear_key),
]
_UNVOICED_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("OpenAI:ApiKey", v.openai_project, "openai_project_key"),
    ("acme-gateway:anthropicApiKey", v.anthropic, "anthropic_api_key"),
    ("/config/rag/hf/token", lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
    ("Stripe:SecretKey", v.stripe_key, "stripe_key"),
    ("acme-gateway:dashscopeApiKey", v.unvoiced_dashscope_key, "deepseek_api_key"),
    ("Slack:BotToken", v.slack_token, "slack_token"),
    ("/config/infra/do/token", lambda r: "dop_v1_" + v.rand(r, v.HEX, 64), "digitalocean_token"),
    ("acme-auth:supabaseServiceRoleKey", lambda r: v.supabase_key(r, "service_role"), "jwt"),
    (
        "Identity:AdminPasswordHash",
        lambda r: v.unvoiced_password_hash(r, "django_pbkdf2_sha1"),
        "password_hash",
    ),
    ("acme-ci:githubToken", lambda r: v.github_token(r, "ghp"), "github_classic_token"),
]
_UNVOICED_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("ConnectionStrings:Warehouse:Host", lambda r: "warehouse.internal"),
    ("Jwt:Issuer", lambda r: "https://auth.acme.ai/"),
    ("Jwt:SigningKeyId", lambda r: f"key-2026-{r.randrange(1, 12):02d}"),
    ("acme-gateway:cerebrasBaseUrl", lambda r: "https://api.cerebras.ai/v1"),
    ("acme-gateway:voyageApiKey", _uv_pulumi_cipher),
    (
        "/config/rag/pinecone/index_host",
        lambda r: f"docs-{v.rand(r, string.ascii_lowercase + string.digits, 7)}.svc.aped-4627-b74a.pinecone.io",
    ),
    ("OpenAI:ApiKey", lambda r: v.pick(r, "${OPENAI_API_KEY}", "<set in Key Vault>", "")),
    ("Stripe:PublishableKey", lambda r: "pk_live_51" + v.rand(r, v.ALNUM, 97)),
    ("Auth0:ClientId", lambda r: v.rand(r, v.ALNUM, 32)),
    ("/config/rag/databricks/host", lambda r: f"adb-{r.randrange(10**6, 10**7)}.11.azuredatabricks.net"),
    ("Smtp:Port", lambda r: v.pick(r, "587", "465")),
    ("Identity:PasswordRequiredLength", lambda r: str(r.randrange(8, 16))),
]


# ---------------------------------------------------------------------------- the unsung split's own shapes
#
# Written for the eighteenth split by a twelfth session that did not read the rules: the hosts its keys go to,
# LiteLLM's debug log of a request with a rendered prompt, chat markup of EXAONE 3.5, Hunyuan, MiniMax, ERNIE 4.5 and
# MiniCPM, keys users paste into chats, and key-value rows named as Ansible group_vars, Salt pillar keys, Chef data
# bags and Nomad variables.


def _unsung_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path a request went to, told by its key: NVIDIA, Firecrawl, Tavily, Qianfan, Yandex, GigaChat's
    OAuth endpoint for Basic; the shared vendors; the internal gateway when there is no key."""
    auth = head.get("authorization", "")
    token = auth.removeprefix("Bearer ")
    if auth.startswith("Basic "):
        return "ngw.devices.sberbank.ru:9443", "/api/v2/oauth"
    if token.startswith("nvapi-"):
        return "integrate.api.nvidia.com", "/v1/chat/completions"
    if token.startswith("fc-"):
        return "api.firecrawl.dev", "/v1/scrape"
    if token.startswith("tvly-"):
        return "api.tavily.com", "/search"
    if token.startswith("bce-v3/"):
        return "qianfan.baidubce.com", "/v2/chat/completions"
    if token.startswith("t1."):
        return "llm.api.cloud.yandex.net", "/foundationModels/v1/completion"
    if not token and "x-api-key" not in head:
        return "llm-gateway.acme.internal", "/v1/chat/completions"
    return _llm_endpoint(head)


def _unsung_markup(shape: int, system: str, user: str, answer: str) -> str:
    """EXAONE 3.5's ``[|system|]`` turns, Hunyuan's ``<|extra_4|>`` and ``<|extra_0|>``, MiniMax's
    ``<beginning_of_sentence>`` turns, ERNIE 4.5's ``<|begin_of_sentence|>`` with ``User:``/``Assistant:``, or
    MiniCPM's ``<用户>`` and ``<AI>``; ending with the assistant's marker when there is no answer yet (a prompt)."""
    if shape == 0:
        text = f"[|system|]{system}[|endofturn|]\n[|user|]{user}\n[|assistant|]"
        return text + (f"{answer}[|endofturn|]" if answer else "")
    if shape == 1:
        return f"<|startoftext|>{system}<|extra_4|>{user}<|extra_0|>" + (f"{answer}<|eos|>" if answer else "")
    if shape == 2:
        text = (
            f"<beginning_of_sentence>system ai_setting=assistant\n{system}<end_of_sentence>\n"
            f"<beginning_of_sentence>user name=user\n{user}<end_of_sentence>\n"
            "<beginning_of_sentence>ai name=assistant\n"
        )
        return text + (f"{answer}<end_of_sentence>" if answer else "")
    if shape == 3:
        text = f"<|begin_of_sentence|>{system}\nUser: {user}\nAssistant: "
        return text + (f"{answer}<|end_of_sentence|>" if answer else "")
    return f"<用户>{user}<AI>{answer}"


def _litellm_debug(r: random.Random, lang: str, user: str) -> str:
    """LiteLLM's verbose log of the request it sent to a vLLM server's completions endpoint (the key masked), with
    the prompt rendered in EXAONE, Hunyuan or MiniMax markup."""
    shape = r.randrange(3)
    prompt = _unsung_markup(shape, chat.SYSTEM_PROMPTS[lang], user, "")
    body = {"model": ("exaone-3.5-32b", "hunyuan-a13b", "minimax-m1")[shape], "prompt": prompt, "max_tokens": 512}
    return (
        "POST Request Sent from LiteLLM:\ncurl -X POST \\\nhttp://vllm.internal:8000/v1/completions \\\n"
        f"-H 'Authorization: Bearer sk-****{v.rand(r, v.ALNUM, 4)}' -H 'Content-Type: application/json' \\\n"
        f"-d '{json.dumps(body, ensure_ascii=False)}'"
    )


# Keys users paste into a chat, with their vendor's label.
UNSUNG_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.anthropic, "anthropic_api_key"),
    (v.openai_project, "openai_project_key"),
    (lambda r: "glpat-" + v.rand(r, v.ALNUM + "_-", 20), "gitlab_token"),
    (lambda r: "npm_" + v.rand(r, v.ALNUM, 36), "npm_token"),
    (lambda r: "dop_v1_" + v.rand(r, v.HEX, 64), "digitalocean_token"),
    (lambda r: "shpat_" + v.rand(r, v.HEX, 32), "shopify_token"),
    (lambda r: "AIza" + v.rand(r, v.ALNUM + "_-", 35), "google_api_key"),
    (lambda r: v.github_token(r, "ghs"), "github_app_token"),
]


# The unsung split's key-value rows: secrets under names no other split uses (Ansible group_vars vault variables, Salt
# pillar keys, Chef data bag items, Nomad variables), vendor values under theirs (their vendor's label), and harmless
# settings with secret-sounding names (lookups and templates, public keys and ids, hosts, numbers).
_UNSUNG_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("group_vars/prod/vault.yml:vault_payouts_db_password", v.unsung_password),
    ("pillar:sftp:bcr:password", v.unsung_password),
    ("data_bags/payouts/flutterwave.json:secret_key", v.unsung_flutterwave_key),
    ("nomad/jobs/chat-gateway:TAVILY_API_KEY", v.unsung_tavily_key),
    ("nomad/jobs/chat-gateway:FIRECRAWL_API_KEY", v.unsung_firecrawl_key),
    ("group_vars/all/vault.yml:vault_okta_api_token", v.unsung_okta_token),
    ("pillar:grafana:service_account_token", v.unsung_grafana_sa_token),
    ("data_bags/ci/nuget.json:api_key", v.unsung_nuget_key),
    ("nomad/jobs/payouts:BRAINTREE_ACCESS_TOKEN", v.unsung_braintree_token),
    ("pillar:discord:bot_token", v.unsung_discord_bot_token),
    ("group_vars/prod/vault.yml:vault_jwt_signing_key", lambda r: v.b64(r.randbytes(48))),
    ("data_bags/maps/mapbox.json:secret_token", v.unsung_mapbox_token),
]
_UNSUNG_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("nomad/jobs/chat-gateway:OPENAI_API_KEY", v.openai_project, "openai_project_key"),
    ("group_vars/prod/vault.yml:vault_anthropic_api_key", v.anthropic, "anthropic_api_key"),
    ("pillar:aws:payouts:secret_access_key", v.aws_secret, "aws_secret_access_key"),
    ("data_bags/ci/github.json:token", lambda r: v.github_token(r, "ghp"), "github_classic_token"),
    (
        "nomad/jobs/notify:SENDGRID_API_KEY",
        lambda r: f"SG.{v.rand(r, v.ALNUM + '_-', 22)}.{v.rand(r, v.ALNUM + '_-', 43)}",
        "sendgrid_api_key",
    ),
    (
        "pillar:telegram:bot_token",
        lambda r: f"{r.randrange(10**9, 8 * 10**9)}:AA{v.rand(r, v.ALNUM + '_-', 33)}",
        "telegram_bot_token",
    ),
    ("data_bags/ssh/deploy.json:private_key", v.pem_key, "private_key"),
    ("pillar:users:admin:password_hash", lambda r: v.unsung_password_hash(r, "sha512_crypt"), "password_hash"),
    (
        "nomad/jobs/payouts:DATABASE_URL",
        lambda r: f"postgresql://payouts:{urllib.parse.quote(v.unsung_password(r), safe='')}@db-payouts:5432/payouts",
        "url_credentials",
    ),
]
_UNSUNG_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    (
        "group_vars/prod/vault.yml:vault_payouts_db_password",
        lambda r: "{{ lookup('community.hashi_vault.hashi_vault', 'secret=kv/data/payouts:password') }}",
    ),
    ("pillar:sftp:bcr:host", lambda r: "sftp.bcr.md"),
    ("data_bags/payouts/flutterwave.json:public_key", lambda r: "FLWPUBK-" + v.rand(r, v.HEX, 32) + "-X"),
    (
        "nomad/jobs/chat-gateway:TAVILY_API_KEY",
        lambda r: '{{ with nomadVar "nomad/jobs/chat-gateway" }}{{ .tavily }}{{ end }}',
    ),
    ("pillar:grafana:url", lambda r: "https://grafana.acme.no"),
    ("data_bags/maps/mapbox.json:public_token", lambda r: v.unsung_mapbox_token(r, secret=False)),
    ("nomad/jobs/payouts:BRAINTREE_MERCHANT_ID", lambda r: v.rand(r, string.ascii_lowercase + string.digits, 16)),
    ("group_vars/all/main.yml:okta_org_url", lambda r: "https://acme.okta.com"),
    ("pillar:posthog:project_api_key", lambda r: "phc_" + v.rand(r, v.ALNUM, 43)),
    ("nomad/jobs/payouts:PAYOUT_RETRY_LIMIT", lambda r: str(r.randrange(3, 9))),
    ("group_vars/all/main.yml:password_min_length", lambda r: str(r.randrange(10, 16))),
    ("data_bags/ci/nuget.json:source", lambda r: "https://api.nuget.org/v3/index.json"),
]


def _unlisted_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path a request went to, told by its key: Upstage, Anyscale, Predibase, Helicone's gateway, OctoAI
    (a JWT), SiliconFlow (48 lower-case letters), Moonshot (48 letters and digits); the shared vendors; the internal
    gateway when there is no key."""
    auth = head.get("authorization", "")
    token = auth.removeprefix("Bearer ")
    if token.startswith("up_"):
        return "api.upstage.ai", "/v1/solar/chat/completions"
    if token.startswith("esecret_"):
        return "api.endpoints.anyscale.com", "/v1/chat/completions"
    if token.startswith("pb_"):
        return "serving.app.predibase.com", "/acme/deployments/v2/llms/qwen2-5-7b-instruct/generate"
    if token.startswith("sk-helicone-"):
        return "ai-gateway.helicone.ai", "/v1/chat/completions"
    if token.startswith("eyJ"):
        return "text.octoai.run", "/v1/chat/completions"
    if token.startswith("sk-") and len(token) == 51 and token[3:].isalpha() and token[3:].islower():
        return "api.siliconflow.cn", "/v1/chat/completions"
    if token.startswith("sk-") and len(token) == 51 and "-" not in token[3:]:
        return "api.moonshot.cn", "/v1/chat/completions"
    if not token and "x-api-key" not in head:
        return "llm-gateway.acme.internal", "/v1/chat/completions"
    return _llm_endpoint(head)


def _unlisted_markup(shape: int, system: str, user: str, answer: str) -> str:
    """StableLM-Tuned-Alpha's ``<|SYSTEM|>``/``<|USER|>``/``<|ASSISTANT|>``, OpenAssistant's ``<|prompter|>``,
    RedPajama-INCITE-Chat's ``<human>:``/``<bot>:``, MOSS's ``<|Human|>`` with ``<eoh>``, TeleChat's ``<_user>`` and
    ``<_bot>``, ChatGLM2's ``[Round 1]`` with ``问：``/``答：``, DeepSeek-R1's turns with an empty ``<think>``, Solar's
    ``### System:``/``### User:``/``### Assistant:``, Alpaca's ``### Instruction:``/``### Response:``, or Pygmalion-2's
    ``<|user|>``/``<|model|>``; ending with the assistant's marker when there is no answer yet (a prompt)."""
    if shape == 0:
        return f"<|SYSTEM|>{system}<|USER|>{user}<|ASSISTANT|>{answer}"
    if shape == 1:
        text = f"<|system|>{system}<|endoftext|><|prompter|>{user}<|endoftext|><|assistant|>"
        return text + (f"{answer}<|endoftext|>" if answer else "")
    if shape == 2:
        return f"<human>: {user}\n<bot>:" + (f" {answer}" if answer else "")
    if shape == 3:
        return f"{system}<|Human|>: {user}<eoh>\n<|MOSS|>:" + (f" {answer}<eom>" if answer else "")
    if shape == 4:
        return f"<_system>{system}<_user>{user}<_bot>" + (f"{answer}<_end>" if answer else "")
    if shape == 5:
        return f"[Round 1]\n\n问：{user}\n\n答：{answer}"
    if shape == 6:
        text = f"<｜begin▁of▁sentence｜>{system}<｜User｜>{user}<｜Assistant｜><think>\n\n</think>\n\n"
        return text + (f"{answer}<｜end▁of▁sentence｜>" if answer else "")
    if shape == 7:
        return f"### System:\n{system}\n\n### User:\n{user}\n\n### Assistant:\n{answer}"
    if shape == 8:
        return f"{system}\n\n### Instruction:\n{user}\n\n### Response:\n{answer}"
    return f"<|system|>{system}<|user|>{user}<|model|>{answer}"


def _koboldcpp_log(r: random.Random, lang: str, user: str) -> str:
    """KoboldCpp's console for one generation: the JSON it received (the prompt rendered in StableLM, MOSS or
    Pygmalion markup), then its progress and timing lines."""
    shape = r.choice((0, 3, 9))
    prompt = _unlisted_markup(shape, chat.SYSTEM_PROMPTS[lang], user, "")
    request: dict[str, object] = {"n": 1, "max_context_length": 8192, "max_length": 512, "rep_pen": 1.07}
    request |= {"temperature": 0.7, "prompt": prompt}
    tokens, out = r.randrange(80, 900), r.randrange(20, 512)
    return (
        f"Input: {json.dumps(request, ensure_ascii=False)}\n\n"
        f"Processing Prompt [BLAS] ({tokens} / {tokens} tokens)\n"
        f"Generating ({out} / 512 tokens)\n"
        f"CtxLimit:{tokens + out}/8192, Amt:{out}/512, Init:0.01s, Process:{r.uniform(0.2, 3):.2f}s, "
        f"Generate:{r.uniform(1, 12):.2f}s"
    )


# Keys users paste into a chat, with their vendor's label.
UNLISTED_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.openai_project, "openai_project_key"),
    (v.anthropic, "anthropic_api_key"),
    (lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
    (lambda r: "glpat-" + v.rand(r, v.ALNUM + "_-", 20), "gitlab_token"),
    (lambda r: f"SG.{v.rand(r, v.ALNUM + '_-', 22)}.{v.rand(r, v.ALNUM + '_-', 43)}", "sendgrid_api_key"),
    (lambda r: "pypi-AgEIcHlwaS5vcmc" + v.rand(r, v.ALNUM + "_-", 80), "pypi_token"),
    (lambda r: v.github_token(r, "ghp"), "github_classic_token"),
    (lambda r: f"{r.randrange(10**9, 8 * 10**9)}:AA{v.rand(r, v.ALNUM + '_-', 33)}", "telegram_bot_token"),
]

# Vendors an eval run is configured with, and a generator of their keys (none has a detector of its own: a key under
# ``api_key`` is a generic secret).
_UNLISTED_EVAL_PROVIDERS: list[tuple[str, v.Gen]] = [
    ("upstage", v.unlisted_upstage_key),
    ("siliconflow", v.unlisted_siliconflow_key),
    ("moonshot", v.unlisted_moonshot_key),
    ("anyscale", v.unlisted_anyscale_key),
    ("predibase", v.unlisted_predibase_key),
    ("sarvam", v.unlisted_sarvam_key),
]

# Placeholder text in several languages and scripts (Lorem ipsum and its kin): wordy, harmless, not chat.
_UNLISTED_LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.",
    "Li Europan lingues es membres del sam familie. Lor separat existentie es un myth.",
    "Weit hinten, hinter den Wortbergen, fern der Länder Vokalien und Konsonantien leben die Blindtexte.",
    "Лорем ипсум долор сит амет, пер цлита поссит ех, ат мунере фабулас петентиум сит.",
    "لكن لا بد أن أوضح لك أن كل هذه الأفكار المغلوطة حول استنكار النشوة وتمجيد الألم نشأت بالفعل.",
    "这是一段占位文字，用于展示版式效果，没有任何实际含义，请勿当真。",
    "Ea wyll nohing wyse tae bee sayd heere, onlie fyllyng text for the layout of this page.",
    "Quisque velit nisi, pretium ut lacinia in, elementum id enim. Donec sollicitudin molestie malesuada.",
)


# The unlisted split's key-value rows: secrets under names no other split uses (Kubernetes Secret data keys, Azure App
# Configuration keys with their labels, AWS AppConfig profiles, Heroku config vars, Fly.io secrets, wrangler secrets
# and Supabase Vault names), vendor values under theirs (their vendor's label), and harmless settings with
# secret-sounding names (Key Vault references, digests ``fly secrets list`` prints, ids, public keys, numbers).
_UNLISTED_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("secret/evals/llm-keys:data.UPSTAGE_API_KEY", v.unlisted_upstage_key),
    ("ChatGateway:Moonshot:ApiKey [label=prod]", v.unlisted_moonshot_key),
    ("appconfig:acme-evals/prod/judge-config:siliconflow_api_key", v.unlisted_siliconflow_key),
    ("heroku:acme-evals:WANDB_API_KEY", v.unlisted_wandb_key),
    ("fly:acme-rag:QDRANT_API_KEY", v.unlisted_qdrant_key),
    ("wrangler:chat-edge:HELICONE_API_KEY", v.unlisted_helicone_key),
    ("vault.secrets:predibase_api_key", v.unlisted_predibase_key),
    ("secret/evals/db:data.password", v.unlisted_password),
    ("ChatGateway:Redis:Password [label=prod]", v.unlisted_password),
    ("heroku:acme-evals:SESSION_SECRET", lambda r: v.rand(r, v.HEX, 64)),
    ("fly:acme-rag:MODAL_TOKEN_SECRET", v.unlisted_modal_token),
    ("wrangler:chat-edge:ELEVENLABS_API_KEY", v.unlisted_elevenlabs_key),
]
_UNLISTED_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("secret/evals/llm-keys:data.OPENAI_API_KEY", v.openai_project, "openai_project_key"),
    ("ChatGateway:Anthropic:ApiKey [label=prod]", v.anthropic, "anthropic_api_key"),
    (
        "heroku:acme-evals:DATABASE_URL",
        lambda r: (
            f"postgres://u{v.rand(r, 'abcdefghij', 8)}:{urllib.parse.quote(v.unlisted_password(r), safe='')}"
            "@ec2-evals.compute-1.amazonaws.com:5432/d8a1evals"
        ),
        "url_credentials",
    ),
    ("fly:acme-rag:HF_TOKEN", lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
    ("wrangler:chat-edge:SUPABASE_SERVICE_ROLE_KEY", v.jwt, "jwt"),
    ("vault.secrets:stripe_secret_key", v.stripe_key, "stripe_key"),
    ("appconfig:acme-evals/prod/ci:github_token", lambda r: v.github_token(r, "ghp"), "github_classic_token"),
    (
        "heroku:acme-evals:SLACK_WEBHOOK_URL",
        lambda r: (
            "https://hooks.slack.com/services/T"
            + v.rand(r, string.ascii_uppercase + string.digits, 10)
            + "/B"
            + v.rand(r, string.ascii_uppercase + string.digits, 10)
            + "/"
            + v.rand(r, v.ALNUM, 24)
        ),
        "slack_webhook",
    ),
]
_UNLISTED_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    (
        "ChatGateway:Moonshot:ApiKey [label=prod]",
        lambda r: '{"uri":"https://kv-acme-evals.vault.azure.net/secrets/moonshot-api-key"}',
    ),
    ("configmap/evals/judge:data.JUDGE_MODEL", lambda r: v.pick(r, "solar-pro2", "kimi-k2-0905-preview")),
    ("fly:acme-rag:QDRANT_API_KEY", lambda r: v.rand(r, v.HEX, 16)),
    ("vault.secrets:predibase_api_key:key_id", lambda r: contexts._rid(r)),
    ("wrangler:chat-edge:LANGFUSE_PUBLIC_KEY", lambda r: v.unlisted_langfuse_key(r, secret=False)),
    ("appconfig:acme-evals/prod/flags:judge_v2_enabled", lambda r: '{"enabled": true}'),
    ("heroku:acme-evals:WEB_CONCURRENCY", lambda r: str(r.randrange(2, 9))),
    ("ChatGateway:Upstage:BaseUrl [label=prod]", lambda r: "https://api.upstage.ai/v1/solar"),
    ("secret/evals/llm-keys:type", lambda r: "Opaque"),
    ("fly:acme-rag:MODAL_TOKEN_ID", lambda r: v.unlisted_modal_token(r, secret=False)),
    (
        "ChatGateway:Redis:Password [label=dev]",
        lambda r: '{"uri":"https://kv-acme-dev.vault.azure.net/secrets/redis-password"}',
    ),
    ("heroku:acme-evals:PASSWORD_MIN_LENGTH", lambda r: str(r.randrange(10, 16))),
]


def _unheeded_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path a request went to, told by its key: LlamaCloud, OpenPipe, Mixedbread, Nomic, RunPod, Lambda,
    Daytona, Aleph Alpha (a JWT); the shared vendors; the internal gateway when there is no key."""
    auth = head.get("authorization", "")
    token = auth.removeprefix("Bearer ")
    prefixes = {
        "llx-": ("api.cloud.llamaindex.ai", "/api/v1/extraction/run"),
        "opk_": ("api.openpipe.ai", "/api/v1/chat/completions"),
        "mxb_": ("api.mixedbread.com", "/v1/embeddings"),
        "nk-": ("api-atlas.nomic.ai", "/v1/embedding/text"),
        "rpa_": ("api.runpod.ai", "/v2/vllm-voice-ft/openai/v1/chat/completions"),
        "secret_": ("api.lambda.ai", "/v1/chat/completions"),
        "dtn_": ("app.daytona.io", "/api/sandbox"),
        "eyJ": ("api.aleph-alpha.com", "/complete"),
    }
    for prefix, endpoint in prefixes.items():
        if token.startswith(prefix):
            return endpoint
    if not token and "x-api-key" not in head:
        return "llm-gateway.acme.internal", "/v1/chat/completions"
    return _llm_endpoint(head)


def _unheeded_markup(shape: int, system: str, user: str, answer: str) -> str:
    """Vicuna v1.1's ``USER:``/``ASSISTANT:`` after its system line, Koala's ``BEGINNING OF CONVERSATION: USER: ...
    GPT:``, Guanaco's ``### Human:``/``### Assistant:``, Saiga's ``<s>system``/``<s>user``/``<s>bot``, Reka Flash's
    ``human: ... <sep> assistant:``, Yuan 2.0's ``<sep>`` and ``<eod>``, Skywork's ``[USER]``/``[SEP][BOT]``, or
    Falcon-180B-chat's ``System:``/``User:``/``Falcon:``; ending with the assistant's marker when there is no answer
    yet (a prompt)."""
    if shape == 0:
        return f"{system} USER: {user} ASSISTANT:" + (f" {answer}</s>" if answer else "")
    if shape == 1:
        return f"BEGINNING OF CONVERSATION: USER: {user} GPT:" + (f" {answer}</s>" if answer else "")
    if shape == 2:
        return f"### Human: {user} ### Assistant:" + (f" {answer}" if answer else "")
    if shape == 3:
        text = f"<s>system\n{system}</s><s>user\n{user}</s><s>bot\n"
        return text + (f"{answer}</s>" if answer else "")
    if shape == 4:
        return f"human: {system}\n{user} <sep> assistant:" + (f" {answer}" if answer else "")
    if shape == 5:
        return f"{user}<sep>" + (f"{answer}<eod>" if answer else "")
    if shape == 6:
        return f"</s><s>[USER]{user}[SEP][BOT]" + (f"{answer}</s>" if answer else "")
    return f"System: {system}\nUser: {user}\nFalcon:" + (f" {answer}" if answer else "")


def _tabby_log(r: random.Random, lang: str, user: str) -> str:
    """TabbyAPI's log for one chat completion with ``log_prompt`` on: the request, the prompt it rendered (Vicuna,
    Saiga or Skywork markup), then its metrics line."""
    shape = r.choice((0, 3, 6))
    prompt = _unheeded_markup(shape, chat.SYSTEM_PROMPTS[lang], user, "")
    rid = v.rand(r, v.HEX, 32)
    tokens, out = r.randrange(60, 900), r.randrange(20, 512)
    return (
        f"INFO:     Received chat completion request {rid}\n"
        f"INFO:     Prompt (ID: {rid}): \n{prompt}\n"
        f"INFO:     Metrics (ID: {rid}): {out} tokens generated in {r.uniform(0.5, 9):.2f} seconds (Queue: 0.0 s, "
        f"Process: 0 cached tokens and {tokens} new tokens at {r.uniform(300, 2000):.1f} T/s, Generate: "
        f"{r.uniform(20, 140):.1f} T/s, Context: {tokens} tokens)"
    )


def _unheeded_sops(r: random.Random) -> str:
    """A SOPS-encrypted value: the ciphertext, its IV and tag (encrypted, no leak)."""
    data = v.b64(r.randbytes(r.randrange(20, 60)))
    return f"ENC[AES256_GCM,data:{data},iv:{v.b64(r.randbytes(32))},tag:{v.b64(r.randbytes(16))},type:str]"


def _unheeded_slack_hook(r: random.Random) -> str:
    return (
        "https://hooks.slack.com/services/T"
        + v.rand(r, string.ascii_uppercase + string.digits, 10)
        + "/B"
        + v.rand(r, string.ascii_uppercase + string.digits, 10)
        + "/"
        + v.rand(r, v.ALNUM, 24)
    )


# Keys users paste into a chat, with their vendor's label.
UNHEEDED_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.openai_project, "openai_project_key"),
    (v.anthropic, "anthropic_api_key"),
    (lambda r: f"github_pat_{v.rand(r, v.ALNUM, 22)}_{v.rand(r, v.ALNUM, 59)}", "github_fine_grained_token"),
    (v.stripe_key, "stripe_key"),
    (v.slack_token, "slack_token"),
    (lambda r: "AIza" + v.rand(r, v.ALNUM + "_-", 35), "google_api_key"),
    (lambda r: "npm_" + v.rand(r, v.ALNUM, 36), "npm_token"),
    (lambda r: "dop_v1_" + v.rand(r, v.HEX, 64), "digitalocean_token"),
]


# The unheeded split's key-value rows: secrets under names no other split uses (Jenkins credential ids, Drone and
# Woodpecker repository secrets, External Secrets targets, Bitwarden Secrets Manager projects, Infisical paths, Vault
# agent's rendered env files), vendor values under theirs (their vendor's label), and harmless settings with
# secret-sounding names (SOPS ciphertexts, Sealed Secrets, Jenkins' encrypted ``{AQAAAB...}``, ``gh secret list``
# lines, remote references, Vault agent templates, ids, versions, KMS ARNs and age recipients).
_UNHEEDED_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("jenkins:credentials/system/_/llamacloud-api-key:secret", v.unheeded_llamacloud_key),
    ("drone:acme/voice-agent:deepgram_api_key", v.unheeded_deepgram_key),
    ("eso:voice/llm-keys <- aws-sm:voice/prod/e2b:E2B_API_KEY", v.unheeded_e2b_key),
    ("bws:acme-voice/prod:CARTESIA_API_KEY", v.unheeded_cartesia_key),
    ("infisical:/voice/prod:DAYTONA_API_KEY", v.unheeded_daytona_key),
    ("vault-agent:/vault/secrets/db.env:PGPASSWORD", v.unheeded_password),
    ("jenkins:credentials/system/_/sip-trunk:password", v.unheeded_password),
    ("drone:acme/voice-agent:runpod_api_key", v.unheeded_runpod_key),
    ("bws:acme-voice/prod:BROWSERBASE_API_KEY", v.unheeded_browserbase_key),
    ("infisical:/finetune/prod:OPENPIPE_API_KEY", v.unheeded_openpipe_key),
    ("eso:voice/asr <- gcp-sm:assemblyai-key:latest", v.unheeded_assemblyai_key),
    ("woodpecker:acme/finetune:lambda_api_key", v.unheeded_lambda_key),
]
_UNHEEDED_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("bws:acme-voice/prod:OPENAI_API_KEY", v.openai_project, "openai_project_key"),
    ("drone:acme/voice-agent:anthropic_api_key", v.anthropic, "anthropic_api_key"),
    ("infisical:/voice/prod:TWILIO_API_KEY", lambda r: "SK" + v.rand(r, v.HEX, 32), "twilio_api_key"),
    (
        "vault-agent:/vault/secrets/amqp.env:AMQP_URL",
        lambda r: (
            f"amqp://voice:{urllib.parse.quote(v.unheeded_password(r), safe='')}@rabbit-voice.acme.internal:5672/calls"
        ),
        "url_credentials",
    ),
    ("eso:voice/sip-tls <- aws-sm:voice/prod/sip-key:tls.key", v.pem_key, "private_key"),
    ("jenkins:credentials/system/_/github-app:token", lambda r: v.github_token(r, "ghs"), "github_app_token"),
    ("drone:acme/voice-agent:slack_webhook", _unheeded_slack_hook, "slack_webhook"),
]
_UNHEEDED_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("sops:secrets/voice.enc.yaml:deepgram_api_key", _unheeded_sops),
    (
        "sealedsecret:voice/llm-keys:encryptedData.E2B_API_KEY",
        lambda r: "AgB" + v.b64(r.randbytes(r.randrange(300, 400))),
    ),
    ("gh:acme/voice-agent:secrets/DEEPGRAM_API_KEY", lambda r: f"Updated 2026-01-{r.randrange(10, 28)}"),
    ("eso:voice/llm-keys:remoteRef.key", lambda r: "voice/prod/e2b"),
    (
        "vault-agent:template:/vault/secrets/db.env",
        lambda r: '{{ with secret "database/creds/voice" }}PGPASSWORD={{ .Data.password }}{{ end }}',
    ),
    ("bws:acme-voice/prod:CARTESIA_API_KEY:id", lambda r: contexts._rid(r)),
    ("infisical:/voice/prod:DAYTONA_API_KEY:version", lambda r: str(r.randrange(1, 12))),
    ("drone:acme/voice-agent:deepgram_api_key:pull_request", lambda r: "false"),
    (
        "jenkins:credentials/system/_/llamacloud-api-key:secret",
        lambda r: "{AQAAABAAAAAQ" + v.b64(r.randbytes(48)) + "}",
    ),
    ("bws:acme-voice/prod:CARTESIA_VOICE_ID", lambda r: contexts._rid(r)),
    ("infisical:/voice/prod:SIP_TRUNK_HOST", lambda r: "trunk.acme.ga"),
    ("woodpecker:acme/finetune:lambda_api_key:events", lambda r: "push,tag,deployment"),
    (
        "sops:secrets/voice.enc.yaml:sops.kms[0].arn",
        lambda r: f"arn:aws:kms:eu-west-1:{v.luhn_free_number(r, 10**11, 10**12)}:key/{contexts._rid(r)}",
    ),
    (
        "sops:secrets/voice.enc.yaml:sops.age[0].recipient",
        lambda r: "age1" + v.rand(r, "qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58),
    ),
    ("infisical:/voice/prod:PASSWORD_RESET_TTL", lambda r: str(r.randrange(900, 7200))),
]


def _unasked_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path a request went to, told by its key: Coze, Friendli, Featherless, Chutes, SenseNova (an HS256
    JWT), MiniMax (an RS256 JWT), GitHub Models (a fine-grained token), Scaleway (a UUID); the shared vendors; the
    internal gateway when there is no key."""
    token = head.get("authorization", "").removeprefix("Bearer ")
    prefixes = {
        "pat_": ("api.coze.com", "/v3/chat"),
        "flp_": ("api.friendli.ai", "/serverless/v1/chat/completions"),
        "rc_": ("api.featherless.ai", "/v1/chat/completions"),
        "cpk_": ("llm.chutes.ai", "/v1/chat/completions"),
        "eyJhbGciOiJIUzI1NiIs": ("api.sensenova.cn", "/v1/llm/chat-completions"),
        "eyJhbGciOiJSUzI1NiIs": ("api.minimax.io", "/v1/text/chatcompletion_v2"),
        "github_pat_": ("models.github.ai", "/inference/chat/completions"),
    }
    for prefix, endpoint in prefixes.items():
        if token.startswith(prefix):
            return endpoint
    if len(token) == 36 and token.count("-") == 4:
        return "api.scaleway.ai", "/v1/chat/completions"
    if not token and "x-api-key" not in head:
        return "llm-gateway.acme.internal", "/v1/chat/completions"
    return _llm_endpoint(head)


def _unasked_markup(shape: int, system: str, user: str, answer: str) -> str:
    """Jais' ``### Instruction:`` with ``[|Human|]`` and ``[|AI|]``, Llama Guard's task prompt with the conversation
    between ``<BEGIN CONVERSATION>`` and ``<END CONVERSATION>``, Phi-2's ``Instruct:``/``Output:``, h2oGPT's
    ``<|prompt|>`` and ``<|answer|>``, BlueLM's ``[|Human|]:``/``[|AI|]:``, Orion's ``Human:`` with ``</s>`` after
    ``Assistant:``, Ling's ``<role>HUMAN</role>`` or InternLM's ``<|User|>:`` with ``<eoh>`` and ``<eoa>``; ending with
    the assistant's marker when there is no answer yet (a prompt)."""
    if shape == 0:
        text = (
            f"### Instruction: {system}\n\nComplete the conversation below between [|Human|] and [|AI|]:\n"
            f"### Input: [|Human|] {user}\n### Response: [|AI|]"
        )
        return text + (f" {answer}" if answer else "")
    if shape == 1:
        turns = f"User: {user}" + (f"\n\nAgent: {answer}" if answer else "")
        last = "Agent" if answer else "User"
        return (
            "[INST] Task: Check if there is unsafe content in 'User' messages in conversations according our safety "
            "policy with the below categories.\n\n<BEGIN UNSAFE CONTENT CATEGORIES>\nO1: Violence and Hate.\n"
            "O2: Sexual Content.\nO3: Criminal Planning.\n<END UNSAFE CONTENT CATEGORIES>\n\n"
            f"<BEGIN CONVERSATION>\n\n{turns}\n\n<END CONVERSATION>\n\n"
            f"Provide your safety assessment for {last} in the above conversation:\n- First line must read 'safe' or "
            "'unsafe'.\n- If unsafe, a second line must include a comma-separated list of violated categories. [/INST]"
        )
    if shape == 2:
        return f"Instruct: {system}\n{user}\nOutput:" + (f" {answer}" if answer else "")
    if shape == 3:
        text = f"<|system|>{system}</s><|prompt|>{user}</s><|answer|>"
        return text + (f"{answer}</s>" if answer else "")
    if shape == 4:
        return f"[|Human|]:{user}[|AI|]:" + (answer if answer else "")
    if shape == 5:
        return f"<s>Human: {user}\n\nAssistant: </s>" + (f"{answer}</s>" if answer else "")
    if shape == 6:
        text = f"<role>SYSTEM</role>{system}<role>HUMAN</role>{user}<role>ASSISTANT</role>"
        return text + (f"{answer}<|endoftext|>" if answer else "")
    text = f"<s><|System|>:{system}\n<|User|>:{user}<eoh>\n<|Bot|>:"
    return text + (f"{answer}<eoa>\n" if answer else "")


def _xinference_log(r: random.Random, lang: str, user: str) -> str:
    """Xinference's debug log for one generate call: the prompt it rendered (Phi-2, Orion or InternLM markup), then its
    generate config."""
    prompt = _unasked_markup(r.choice((2, 5, 7)), chat.SYSTEM_PROMPTS[lang], user, "")
    when = f"2026-01-{r.randrange(10, 28)} {contexts._ua_clock(r)},{r.randrange(0, 1000):03d}"
    config = {"max_tokens": r.choice((256, 512, 1024)), "temperature": 0.7, "stream": False, "stop": ["</s>", "<eoa>"]}
    return (
        f"{when} xinference.model.llm.transformers.core {r.randrange(100, 99999)} DEBUG    "
        f"Enter generate, prompt: {prompt}, generate config: {json.dumps(config)}"
    )


def _php_serialize(entries: list[tuple[str, object]]) -> str:
    """PHP's ``serialize()`` of an associative array of strings and integers (as PHP stores a session)."""
    parts = []
    for key, value in entries:
        parts.append(f's:{len(key.encode())}:"{key}";')
        if isinstance(value, int):
            parts.append(f"i:{value};")
        else:
            text = str(value)
            parts.append(f's:{len(text.encode())}:"{text}";')
    return f"a:{len(entries)}:{{" + "".join(parts) + "}"


# Keys users paste into a chat, with their vendor's label.
UNASKED_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.openai_project, "openai_project_key"),
    (v.anthropic, "anthropic_api_key"),
    (lambda r: v.github_token(r, "ghp"), "github_classic_token"),
    (lambda r: "glpat-" + v.rand(r, v.ALNUM + "_-", 20), "gitlab_token"),
    (v.stripe_key, "stripe_key"),
    (lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
    (lambda r: "SG." + v.rand(r, v.ALNUM + "_-", 22) + "." + v.rand(r, v.ALNUM + "_-", 43), "sendgrid_api_key"),
    (v.aws_key_id, "aws_access_key_id"),
]


# The unasked split's key-value rows: secrets under names no other split uses (CyberArk Conjur variables, Akeyless
# paths, Keeper notation, gopass and pass entries, systemd credentials, Podman secrets, Windows Credential Manager
# targets and macOS keychain items), vendor values under theirs (their vendor's label), and harmless settings with
# secret-sounding names (systemd-creds and age ciphertexts, Keeper field types, Conjur annotations, GPG key ids,
# credential paths, versions and persistence flags).
_UNASKED_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("conjur:variable:prod/cdr/coze_pat", v.unasked_coze_pat),
    ("akeyless:/prod/cdr/friendli-token", v.unasked_friendli_token),
    ("keeper://Xb4Tq9LmN2pR7sVw/field/password", v.unasked_password),
    ("gopass:cdr/prod/scaleway-secret-key", v.unasked_scaleway_key),
    ("pass:sso/okta/ssws-token.gpg", lambda r: "00" + v.rand(r, v.ALNUM + "-_", 40)),
    ("systemd-creds:cdr-export.service:chutes_key", v.unasked_chutes_key),
    ("podman-secret:zabbix_db_password", v.unasked_password),
    ("wincred:LegacyGeneric:target=cdr/featherless", v.unasked_featherless_key),
    ("keychain:generic-password:svce=cdr-speechmatics", v.unasked_speechmatics_key),
    ("conjur:variable:prod/models/clearml_secret_key", v.unasked_clearml_secret),
    ("akeyless:/prod/models/hume-api-key", v.unasked_hume_key),
    ("keeper://Pz8Kc3DfG6hJ1wEa/field/password", v.unasked_password),
]
_UNASKED_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("conjur:variable:prod/cdr/openai_api_key", v.openai_project, "openai_project_key"),
    ("gopass:cdr/prod/stripe", v.stripe_key, "stripe_key"),
    (
        "podman-secret:sendgrid_api_key",
        lambda r: "SG." + v.rand(r, v.ALNUM + "_-", 22) + "." + v.rand(r, v.ALNUM + "_-", 43),
        "sendgrid_api_key",
    ),
    (
        "akeyless:/prod/cdr/crdb-url",
        lambda r: (
            f"cockroachdb://cdr:{urllib.parse.quote(v.unasked_password(r), safe='')}@crdb-public.cdr:26257/cdr"
            "?sslmode=verify-full"
        ),
        "url_credentials",
    ),
    ("systemd-creds:nats-leaf.service:tls.key", v.pem_key, "private_key"),
    ("keychain:generic-password:svce=cdr-github", lambda r: v.github_token(r, "ghp"), "github_classic_token"),
    ("wincred:LegacyGeneric:target=cdr/minimax", v.unasked_minimax_key, "jwt"),
]
_UNASKED_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    (
        "systemd-creds:cdr-export.service:chutes_key:encrypted",
        lambda r: "k6iUCUh0RJCQyvL8k8q1UyAAAAABAAAADAAAABAAAAD" + v.b64(r.randbytes(r.randrange(60, 120))),
    ),
    ("keeper://Xb4Tq9LmN2pR7sVw/field/password:type", lambda r: "password"),
    ("conjur:variable:prod/cdr/coze_pat:annotations", lambda r: "rotation/ttl: P30D"),
    ("akeyless:/prod/cdr/friendli-token:item_version", lambda r: str(r.randrange(1, 12))),
    ("gopass:cdr/prod/scaleway-secret-key:recipients", lambda r: "0x" + v.rand(r, "0123456789ABCDEF", 16)),
    ("systemd:cdr-export.service:LoadCredentialEncrypted", lambda r: "chutes_key:/etc/credstore.encrypted/chutes_key"),
    ("podman-secret:zabbix_db_password:driver", lambda r: "file"),
    ("wincred:LegacyGeneric:target=cdr/featherless:persist", lambda r: "LocalMachine"),
    ("keychain:generic-password:svce=cdr-speechmatics:acct", lambda r: "cdr-bot"),
    (
        "pass:sso/okta/ssws-token.gpg:armor",
        lambda r: f"-----BEGIN PGP MESSAGE-----\n\n{v.b64(r.randbytes(96))}\n-----END PGP MESSAGE-----",
    ),
    ("conjur:policy:prod/cdr", lambda r: "!host cdr-export\n!permit { role: !host cdr-export, privileges: [ read ] }"),
    ("akeyless:/prod/cdr/friendli-token:ttl", lambda r: f"{r.randrange(1, 72)}h"),
    ("keeper://Pz8Kc3DfG6hJ1wEa/field/login", lambda r: "zabbix"),
    ("gopass:cdr/prod/scaleway-secret-key:access_key", lambda r: "SCW" + v.rand(r, v.UPPER, 17)),
    ("podman-secret:zabbix_db_password:created", lambda r: f"2026-01-{r.randrange(10, 28)}T08:00:00Z"),
]


def _unbidden_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path a request went to, told by its key: Novita (``sk_``), Hyperbolic (an HS256 JWT), SAP AI Core
    (an XSUAA RS256 JWT with its ``jku``), SambaNova (a UUID), DeepInfra (32 letters and digits); the shared vendors;
    the internal gateway when there is no key."""
    token = head.get("authorization", "").removeprefix("Bearer ")
    if token.startswith("sk_"):
        return "api.novita.ai", "/v3/openai/chat/completions"
    if token.startswith("eyJhbGciOiJIUzI1NiIs"):
        return "api.hyperbolic.xyz", "/v1/chat/completions"
    if token.startswith("eyJhbGciOiJSUzI1NiIsImprdSI6"):
        return "api.ai.prod.eu-central-1.aws.ml.hana.ondemand.com", "/v2/inference/deployments/d7f3a1c9e2b4/completion"
    if len(token) == 36 and token.count("-") == 4:
        return "api.sambanova.ai", "/v1/chat/completions"
    if len(token) == 32 and token.isalnum():
        return "api.deepinfra.com", "/v1/inference/codellama/CodeLlama-70b-Instruct-hf"
    if not token and "x-api-key" not in head:
        return "llm-gateway.acme.internal", "/v1/chat/completions"
    return _llm_endpoint(head)


def _unbidden_markup(shape: int, system: str, user: str, answer: str) -> str:
    """CodeLlama-70B-Instruct's ``Source: system``/``Source: user`` turns split by ``<step>`` (the assistant's with
    ``Destination: user``), Apertus' ``<|system_start|>``, ``<|user_start|>`` and ``<|assistant_start|>`` pairs, OLMo's
    ``<|endoftext|><|user|>``, Aquila's ``###Human:``/``###Assistant:``, ChatYuan's ``用户：``/``小元：`` or
    Llama2-Chinese's ``<s>Human:``/``</s><s>Assistant:``; ending with the assistant's marker when there is no answer yet
    (a prompt)."""
    if shape == 0:
        return (
            f"<s>Source: system\n\n {system} <step> Source: user\n\n {user} <step> Source: assistant\n"
            "Destination: user\n\n " + (f"{answer} <step>" if answer else "")
        )
    if shape == 1:
        text = (
            f"<s><|system_start|>{system}<|system_end|><|developer_start|>Deliberation: disabled\nTool Capabilities: "
            f"disabled<|developer_end|><|user_start|>{user}<|user_end|><|assistant_start|>"
        )
        return text + (f"{answer}<|assistant_end|>" if answer else "")
    if shape == 2:
        text = f"<|endoftext|><|system|>\n{system}\n<|user|>\n{user}\n<|assistant|>\n"
        return text + (f"{answer}<|endoftext|>" if answer else "")
    if shape == 3:
        text = (
            "A chat between a curious human and an artificial intelligence assistant. The assistant gives helpful, "
            f"detailed, and polite answers to the human's questions.###Human: {user}###Assistant:"
        )
        return text + (f" {answer}" if answer else "")
    if shape == 4:
        return f"用户：{user}\n小元：" + answer
    return f"<s>Human: {user}\n</s><s>Assistant: " + (f"{answer}\n</s>" if answer else "")


def _aphrodite_log(r: random.Random, lang: str, user: str) -> str:
    """Aphrodite Engine's loguru line for a request it received: the prompt it rendered (OLMo, Aquila or
    Llama2-Chinese markup), then its sampling parameters."""
    prompt = _unbidden_markup(r.choice((2, 3, 5)), chat.SYSTEM_PROMPTS[lang], user, "")
    when = f"2026-01-{r.randrange(10, 28)} {contexts._ub_clock(r)}.{r.randrange(0, 1000):03d}"
    params = (
        f"SamplingParams(n=1, temperature=0.7, top_p=0.9, min_p=0.05, max_tokens={r.choice((256, 512))}, "
        "stop=['</s>', '<|endoftext|>', '###'], skip_special_tokens=True)"
    )
    return (
        f"{when} | INFO     | aphrodite.endpoints.logger:log_inputs:38 - Received request "
        f"cmpl-{v.rand(r, v.HEX, 32)}: prompt: {prompt!r}, params: {params}, lora_request: None."
    )


# Keys users paste into a chat, with their vendor's label.
UNBIDDEN_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.openai_project, "openai_project_key"),
    (v.anthropic, "anthropic_api_key"),
    (v.deepseek, "deepseek_api_key"),
    (lambda r: f"github_pat_{v.rand(r, v.ALNUM, 22)}_{v.rand(r, v.ALNUM, 59)}", "github_fine_grained_token"),
    (v.stripe_key, "stripe_key"),
    (lambda r: "AIza" + v.rand(r, v.ALNUM + "_-", 35), "google_api_key"),
    (lambda r: "SK" + v.rand(r, v.HEX, 32), "twilio_api_key"),
    (lambda r: "dop_v1_" + v.rand(r, v.HEX, 64), "digitalocean_token"),
]


# The unbidden split's key-value rows: secrets under names no other split uses (Salt pillar paths, Puppet Hiera keys,
# Odoo system parameters, Azure App Service settings with ``__`` sections, ECS task definition variables, Home
# Assistant ``secrets.yaml`` entries, Mosquitto and Ceph settings), vendor values under theirs (their vendor's label),
# and harmless settings with secret-sounding names (hiera-eyaml and PGP ciphertexts, Key Vault references, ECS
# ``valueFrom`` ARNs, ``!secret`` references, lengths, flags and paths).
_UNBIDDEN_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("pillar:remit:db:password", v.unbidden_password),
    ("hiera:remit::kyc::onfido_token", v.unbidden_onfido_token),
    ("ir.config_parameter:remit.termii_api_key", v.unbidden_termii_key),
    ("appsetting:Payouts__Wise__ApiToken", v.unbidden_wise_token),
    ("ecs:remit-api:DEEPINFRA_API_KEY", v.unbidden_deepinfra_key),
    ("ha-secrets:mqtt_bridge_password", v.unbidden_password),
    ("mosquitto:bridge:remit-cloud:remote_password", v.unbidden_password),
    ("ceph:client.kyc:key", lambda r: v.b64(b"\x01\x00" + r.randbytes(26))),
    ("hiera:remit::smileid::api_key", v.unbidden_smileid_key),
    ("appsetting:Inference__Novita__Key", v.unbidden_novita_key),
    ("pillar:sambanova:api_key", v.unbidden_sambanova_key),
    ("ir.config_parameter:database.secret", v.opaque_token),
]
_UNBIDDEN_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("hiera:remit::assistant::openai_api_key", v.openai_project, "openai_project_key"),
    ("appsetting:Payments__Stripe__SecretKey", v.stripe_key, "stripe_key"),
    ("ecs:remit-api:HYPERBOLIC_API_KEY", v.unbidden_hyperbolic_token, "jwt"),
    (
        "pillar:remit:odoo:db_uri",
        lambda r: f"postgresql://odoo:{urllib.parse.quote(v.unbidden_password(r), safe='')}@pgbouncer.remit:6432/remit",
        "url_credentials",
    ),
    (
        "ha-secrets:telegram_api_key",
        lambda r: f"{r.randrange(10**9, 8 * 10**9)}:AA{v.rand(r, v.ALNUM + '_-', 33)}",
        "telegram_bot_token",
    ),
    ("hiera:remit::tls::mqtt_key", v.pem_key, "private_key"),
    ("ecs:remit-api:AWS_SECRET_ACCESS_KEY", v.aws_secret, "aws_secret_access_key"),
]
_UNBIDDEN_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    (
        "hiera:remit::db::password",
        lambda r: f"ENC[PKCS7,MIIBiQYJKoZIhvcNAQcDoIIBejCCAXYCAQAxggEhMIIBHQIBADAFMAACAQEw{v.b64(r.randbytes(150))}]",
    ),
    (
        "pillar:remit:db:password_gpg",
        lambda r: (
            f"-----BEGIN PGP MESSAGE-----\n\nhQIMA{v.b64(r.randbytes(30))}\n{v.b64(r.randbytes(60))}\n"
            "-----END PGP MESSAGE-----"
        ),
    ),
    (
        "appsetting:Payouts__Wise__ApiToken:ref",
        lambda r: "@Microsoft.KeyVault(SecretUri=https://kv-remit.vault.azure.net/secrets/wise-token/)",
    ),
    (
        "ecs:remit-api:DB_PASSWORD:valueFrom",
        lambda r: "arn:aws:secretsmanager:eu-west-1:604173928815:secret:remit/db-password-" + v.rand(r, v.ALNUM, 6),
    ),
    ("ha-secrets:mqtt_bridge_password:ref", lambda r: "!secret mqtt_bridge_password"),
    ("ir.config_parameter:auth_password_policy.minlength", lambda r: str(r.randrange(8, 16))),
    ("ir.config_parameter:auth_signup.reset_password", lambda r: v.pick(r, "True", "False")),
    ("mosquitto:password_file", lambda r: "/etc/mosquitto/passwd"),
    ("ceph:client.kyc:keyring", lambda r: "/etc/ceph/ceph.client.kyc.keyring"),
    ("hiera:remit::kyc::onfido_region", lambda r: v.pick(r, "EU", "US", "CA")),
    ("appsetting:Payouts__Wise__TokenExpiryDays", lambda r: str(r.randrange(30, 365))),
    ("pillar:remit:db:password_rotated_at", lambda r: f"2026-01-{r.randrange(10, 28)}T06:00:00Z"),
    ("ecs:remit-api:OPENAI_BASE_URL", lambda r: "https://api.novita.ai/v3/openai"),
    ("ir.config_parameter:database.uuid", lambda r: contexts._rid(r)),
]


def _unsought_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path a request went to, told by its key: Groq (``gsk_``), Mollie (``live_``), Telnyx (``KEY``),
    Zoom (an HS512 JWT), Daily (64 hex digits), AI21 (32 letters and digits); the shared vendors; the internal gateway
    when there is no key."""
    token = head.get("authorization", "").removeprefix("Bearer ")
    if token.startswith("gsk_"):
        return "api.groq.com", "/openai/v1/chat/completions"
    if token.startswith("live_"):
        return "api.mollie.com", "/v2/payments"
    if token.startswith("KEY"):
        return "api.telnyx.com", "/v2/ai/chat/completions"
    if token.startswith("eyJhbGciOiJIUzUxMiIs"):
        return "api.zoom.us", "/v2/users/me/meetings"
    if len(token) == 64 and all(c in v.HEX for c in token):
        return "api.daily.co", "/v1/rooms"
    if len(token) == 32 and token.isalnum():
        return "api.ai21.com", "/studio/v1/chat/completions"
    if not token and "x-api-key" not in head:
        return "llm-gateway.acme.internal", "/v1/chat/completions"
    return _llm_endpoint(head)


def _unsought_markup(shape: int, system: str, user: str, answer: str) -> str:
    """Phind-CodeLlama's ``### System Prompt``/``### User Message``/``### Assistant`` sections, Idefics2's and
    SmolVLM's ``User:``/``Assistant:`` turns closed by ``<end_of_utterance>``, DeepSeek-VL2's and Janus'
    ``<|User|>:``/``<|Assistant|>:``, openPangu's ``[unused9]``...``[unused10]`` turns with 系统, 用户 and 助手,
    CodeFuse's ``<|role_start|>human<|role_end|>`` and ``bot`` or Bailing's ``<role>HUMAN</role>`` and
    ``<role>ASSISTANT</role>``; ending with the assistant's marker when there is no answer yet (a prompt)."""
    if shape == 0:
        return f"### System Prompt\n{system}\n\n### User Message\n{user}\n\n### Assistant\n" + answer
    if shape == 1:
        text = f"System: {system}<end_of_utterance>\nUser:{user}<end_of_utterance>\nAssistant:"
        return text + (f" {answer}<end_of_utterance>\n" if answer else "")
    if shape == 2:
        text = f"{system}\n\n<|User|>: {user}\n\n<|Assistant|>:"
        return text + (f" {answer}<｜end▁of▁sentence｜>" if answer else "")
    if shape == 3:
        text = f"[unused9]系统：{system}[unused10][unused9]用户：{user}[unused10][unused9]助手："
        return text + (f"{answer}[unused10]" if answer else "")
    if shape == 4:
        text = (
            f"<|role_start|>system<|role_end|>{system}<|role_start|>human<|role_end|>{user}"
            "<|role_start|>bot<|role_end|>"
        )
        return text + (f"{answer}</s>" if answer else "")
    return f"<role>SYSTEM</role>{system}<role>HUMAN</role>{user}<role>ASSISTANT</role>" + answer


def _lmdeploy_log(r: random.Random, lang: str, user: str) -> str:
    """LMDeploy's api_server log of a request it received: the session, the prompt it rendered (Phind, DeepSeek-VL2
    or CodeFuse markup) and its generation config."""
    prompt = _unsought_markup(r.choice((0, 2, 4)), chat.SYSTEM_PROMPTS[lang], user, "")
    when = f"2026-01-{r.randrange(10, 28)} {contexts._uo_clock(r)},{r.randrange(0, 1000):03d}"
    config = (
        f"GenerationConfig(n=1, max_new_tokens={r.choice((256, 512))}, do_sample=True, top_p=0.8, top_k=40, "
        "temperature=0.7, repetition_penalty=1.0, skip_special_tokens=True)"
    )
    return (
        f"{when} - lmdeploy - INFO - async_engine.py:{r.randrange(600, 700)} - session={r.randrange(1, 9999)}, "
        f"history_tokens=0, input_tokens={r.randrange(20, 900)}, max_new_tokens=512, prompt={prompt!r}, "
        f"gen_config={config}"
    )


# Keys users paste into a chat, with their vendor's label.
UNSOUGHT_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.openai_project, "openai_project_key"),
    (v.anthropic, "anthropic_api_key"),
    (lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
    (v.aws_key_id, "aws_access_key_id"),
    (v.stripe_key, "stripe_key"),
    (lambda r: "glpat-" + v.rand(r, v.ALNUM + "_-", 20), "gitlab_token"),
    (lambda r: "SG." + v.rand(r, v.ALNUM + "_-", 22) + "." + v.rand(r, v.ALNUM + "_-", 43), "sendgrid_api_key"),
    (lambda r: "shpat_" + v.rand(r, v.HEX, 32), "shopify_token"),
]


# The unsought split's key-value rows: secrets under names no other split uses (Teleport, OpenVPN, strongSwan,
# Kamailio, Rundeck key storage, Flink, Trino catalogs, Icinga 2, FreeRADIUS and Synapse settings), vendor values under
# theirs (their vendor's label), and harmless settings with secret-sounding names (Rundeck ``keys/`` paths, Trino's
# ``${ENV:...}``, FreeRADIUS expansions, ``%prompt``, lengths, flags, paths and dates).
_UNSOUGHT_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("teleport.auth_service.tokens[node]", v.unsought_teleport_token),
    ("openvpn:tls-crypt.static-key", lambda r: v.rand(r, v.HEX, 64)),
    ("swanctl:secrets.eap-hq.secret", v.unsought_password),
    ("kamailio:DBRWPW", v.unsought_password),
    ("rundeck:keys/project/claims/db.password", v.unsought_password),
    ("flink:s3.secret-key", lambda r: v.rand(r, v.ALNUM + "/+", 40)),
    ("trino:catalog/claims.connection-password", v.unsought_password),
    ("icinga2:ApiUser.dashing.password", v.unsought_password),
    ("freeradius:clients.clinic-ap-07.secret", v.unsought_password),
    ("synapse:macaroon_secret_key", lambda r: v.rand(r, v.ALNUM + "-_.~", 50)),
    ("synapse:registration_shared_secret", v.opaque_token),
    ("rundeck:keys/project/rides/tomtom.key", v.unsought_tomtom_key),
    ("flink:plaid.secret", v.unsought_plaid_secret),
    ("kamailio:vonage.api_secret", v.unsought_vonage_secret),
]
_UNSOUGHT_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("rundeck:keys/project/claims/openai.key", v.openai_project, "openai_project_key"),
    ("synapse:oidc_providers.google.client_secret", lambda r: "GOCSPX-" + v.rand(r, v.ALNUM + "_-", 28),
     "google_oauth_client_secret"),
    ("teleport:zoom.s2s_token", v.unsought_zoom_token, "jwt"),
    (
        "trino:catalog/claims.connection-url",
        lambda r: (
            f"jdbc:postgresql://trino:{urllib.parse.quote(v.unsought_password(r), safe='')}@claims-db:5432/claims"
        ),
        "url_credentials",
    ),
    ("flink:s3.access-key", v.aws_key_id, "aws_access_key_id"),
    ("openvpn:client.key", v.pem_key, "private_key"),
    ("icinga2:slack_token", v.slack_token, "slack_token"),
]  # fmt: skip
_UNSOUGHT_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("rundeck:keys/project/claims/db.password:path", lambda r: "keys/project/claims/db.password"),
    ("trino:catalog/claims.connection-password:ref", lambda r: "${ENV:CLAIMS_DB_PASSWORD}"),
    ("freeradius:clients.clinic-ap-07.secret:ref", lambda r: "%{file:/etc/raddb/secrets/clinic-ap-07}"),
    ("swanctl:secrets.private-hq.secret", lambda r: "%prompt"),
    ("openvpn:auth-user-pass", lambda r: "/etc/openvpn/client/auth.txt"),
    ("teleport.auth_service.tokens_ttl", lambda r: f"{r.randrange(1, 48)}h"),
    ("synapse:password_config.policy.minimum_length", lambda r: str(r.randrange(8, 16))),
    ("synapse:password_config.enabled", lambda r: v.pick(r, "true", "false", "only_for_reauth")),
    ("kamailio:auth.password_column", lambda r: v.pick(r, "password", "ha1")),
    ("flink:security.ssl.internal.keystore", lambda r: "/opt/flink/conf/internal.keystore"),
    ("icinga2:ApiUser.dashing.client_cn", lambda r: "dashing.icinga"),
    ("rundeck:tokens.expiry", lambda r: f"2026-0{r.randrange(2, 9)}-{r.randrange(10, 28)}"),
    ("teleport:ca_pin", lambda r: "sha256:" + v.rand(r, v.HEX, 64)),
    ("synapse:signing_key_path", lambda r: "/data/matrix.rides.ad.signing.key"),
]


# The unclaimed split's vendors in the gateway's requests: (key generator, label, header, scheme).
_UNCLAIMED_VENDORS: tuple[tuple[v.Gen, str, str, str], ...] = (
    (v.openai_project, "openai_project_key", "authorization", "Bearer "),
    (v.anthropic, "anthropic_api_key", "x-api-key", ""),
    (v.deepseek, "deepseek_api_key", "authorization", "Bearer "),
    (v.gcp_token, "gcp_oauth_token", "authorization", "Bearer "),
    (v.unclaimed_fal_key, "generic_secret", "authorization", "Key "),
    (v.unclaimed_bfl_key, "generic_secret", "x-key", ""),
    (v.unclaimed_cf_aig_token, "bearer_token", "cf-aig-authorization", "Bearer "),
    (v.unclaimed_mercadopago_token, "bearer_token", "authorization", "Bearer "),
    (v.unclaimed_axiom_token, "bearer_token", "authorization", "Bearer "),
    (v.unclaimed_lemonsqueezy_key, "jwt", "authorization", "Bearer "),
    (v.unclaimed_asc_token, "jwt", "authorization", "Bearer "),
)


def _unclaimed_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path a request went to, told by its key: Black Forest Labs (``x-key``), Cloudflare AI Gateway
    (``cf-aig-authorization``), fal.ai (the ``Key`` scheme), Mercado Pago (``APP_USR-``), Axiom (``xaat-``), App
    Store Connect (an ES256 JWT), Lemon Squeezy (an RS256 JWT); the shared vendors; the internal gateway when there is
    no key."""
    if "x-key" in head:
        return "api.bfl.ai", "/v1/flux-pro-1.1"
    if "cf-aig-authorization" in head:
        return "gateway.ai.cloudflare.com", "/v1/3f1c2a9e7d5b4c6a8e0f1a2b3c4d5e6f/pitons-gw/openai/chat/completions"
    auth = head.get("authorization", "")
    if auth.startswith("Key "):
        return "fal.run", "/fal-ai/any-llm"
    token = auth.removeprefix("Bearer ")
    if token.startswith("APP_USR-"):
        return "api.mercadopago.com", "/v1/payments"
    if token.startswith("xaat-"):
        return "api.axiom.co", "/v1/datasets/llm-gateway/ingest"
    if token.startswith("eyJhbGciOiJFUzI1NiIs"):
        return "api.appstoreconnect.apple.com", "/v1/apps"
    if token.startswith("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9"):
        return "api.lemonsqueezy.com", "/v1/checkouts"
    if not token and "x-api-key" not in head:
        return "llm-gateway.acme.internal", "/v1/chat/completions"
    return _llm_endpoint(head)


def _unclaimed_markup(shape: int, system: str, user: str, answer: str) -> str:
    """Functionary v2's ``<|from|>``/``<|recipient|>``/``<|content|>`` turns closed by ``<|stop|>``, Magicoder's
    ``@@ Instruction``/``@@ Response`` after its system line, rinna's Japanese instruction format (``ユーザー:`` and
    ``システム:`` joined by a literal ``<NL>``), YaYi's ``<|System|>:``/``<|Human|>:``/``<|YaYi|>:`` or dots.llm1's
    ``<|userprompt|>``...``<|endofuserprompt|><|response|>``; ending with the assistant's marker when there is no
    answer yet (a prompt)."""
    if shape == 0:
        text = (
            f"<|from|>system\n<|recipient|>all\n<|content|>{system}\n"
            f"<|from|>user\n<|recipient|>all\n<|content|>{user}\n<|from|>assistant\n<|recipient|>"
        )
        return text + (f"all\n<|content|>{answer}<|stop|>\n" if answer else "")
    if shape == 1:
        return f"{system}\n\n@@ Instruction\n{user}\n\n@@ Response\n" + answer
    if shape == 2:
        return f"ユーザー: {user}<NL>システム: " + answer
    if shape == 3:
        return f"<|System|>:\n{system}\n\n<|Human|>:\n{user}\n\n<|YaYi|>:" + (f"{answer}" if answer else "")
    text = f"<|system|>{system}<|endofsystem|><|userprompt|>{user}<|endofuserprompt|><|response|>"
    return text + (f"{answer}<|endofresponse|>" if answer else "")


def _fastchat_log(r: random.Random, lang: str, user: str) -> str:
    """FastChat's web server log of a request it forwarded to a model worker: ``==== request ====`` and the generation
    parameters' Python repr, with the prompt rendered in Functionary, Magicoder, YaYi or dots.llm1 markup."""
    shape = r.choice((0, 1, 3, 4))
    model, stop = {
        0: ("functionary-small-v2.4", "<|stop|>"),
        1: ("Magicoder-S-DS-6.7B", "@@ Instruction"),
        3: ("yayi-7b-llama2", "<|End|>"),
        4: ("dots.llm1.inst", "<|endofresponse|>"),
    }[shape]
    params = {
        "model": model,
        "prompt": _unclaimed_markup(shape, chat.SYSTEM_PROMPTS[lang], user, ""),
        "temperature": 0.7,
        "repetition_penalty": 1.0,
        "top_p": 1.0,
        "max_new_tokens": 1024,
        "stop": stop,
        "stop_token_ids": None,
        "echo": False,
    }
    when = f"2026-01-{r.randrange(10, 28)} {contexts._uc_clock(r)}"
    return f"{when} | INFO | gradio_web_server | ==== request ====\n{params!r}"


# Keys users paste into a chat, with their vendor's label.
UNCLAIMED_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.openai_project, "openai_project_key"),
    (v.anthropic, "anthropic_api_key"),
    (lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
    (v.aws_key_id, "aws_access_key_id"),
    (v.stripe_key, "stripe_key"),
    (lambda r: "glpat-" + v.rand(r, v.ALNUM + "_-", 20), "gitlab_token"),
    (lambda r: f"github_pat_{v.rand(r, v.ALNUM, 22)}_{v.rand(r, v.ALNUM, 59)}", "github_fine_grained_token"),
    (lambda r: "dop_v1_" + v.rand(r, v.HEX, 64), "digitalocean_token"),
]


# The unclaimed split's key-value rows: secrets under names no other split uses (Gitea's app.ini, Mattermost's
# config.json, Superset, SonarQube, NiFi, Authelia, Artemis, Varnish's secret file, Mews, a payroll's Xendit key, a
# pharmacy's Plivo token and a booking widget's Statsig server secret), vendor values under theirs (their vendor's
# label), and harmless settings with secret-sounding names (Gitea's ``*_URI = file:...``, Mattermost's environment
# names, Superset's ``os.environ`` reference, SonarQube's ``{aes-gcm}`` ciphertexts, Artemis' ``ENC(...)`` masks,
# NiFi's algorithm names, Plivo's auth id, Statsig's public client key, lengths, paths and algorithm names).
_UNCLAIMED_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("gitea:security.SECRET_KEY", lambda r: v.rand(r, v.ALNUM, 64)),
    ("gitea:oauth2.JWT_SECRET", lambda r: v.b64url(r.randbytes(32))),
    ("mattermost:SqlSettings.AtRestEncryptKey", lambda r: v.rand(r, v.ALNUM, 32)),
    ("mattermost:EmailSettings.SMTPPassword", v.unclaimed_password),
    ("superset:SECRET_KEY", lambda r: v.b64(r.randbytes(42))),
    ("sonarqube:sonar.jdbc.password", v.unclaimed_password),
    ("nifi:nifi.sensitive.props.key", lambda r: v.rand(r, v.ALNUM, 24)),
    ("nifi:nifi.security.truststorePasswd", v.unclaimed_password),
    ("authelia:session.secret", lambda r: v.rand(r, v.ALNUM, 64)),
    ("authelia:storage.encryption_key", lambda r: v.rand(r, v.ALNUM + "-_", 64)),
    ("artemis:cluster-password", v.unclaimed_password),
    ("varnish:/etc/varnish/secret", v.unclaimed_uuid),
    ("mews:AccessToken", v.unclaimed_mews_token),
    ("payroll:xendit.secret_key", v.unclaimed_xendit_key),
    ("pharmacy:plivo.auth_token", lambda r: v.unclaimed_plivo_pair(r)[1]),
    ("booking:statsig.server_secret", v.unclaimed_statsig_secret),
]
_UNCLAIMED_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("mattermost:PluginSettings.mattermost-ai.apiKey", v.openai_project, "openai_project_key"),
    ("mattermost:FileSettings.AmazonS3AccessKeyId", v.aws_key_id, "aws_access_key_id"),
    (
        "mattermost:SqlSettings.DataSource",
        lambda r: (
            f"postgres://mmuser:{urllib.parse.quote(v.unclaimed_password(r), safe='')}@mm-db:5432/mattermost"
            "?sslmode=disable"
        ),
        "url_credentials",
    ),
    ("superset:SLACK_API_TOKEN", v.slack_token, "slack_token"),
    ("gitea:mirror.github_token", lambda r: v.github_token(r, "ghp"), "github_classic_token"),
    ("booking:app_store_connect.token", v.unclaimed_asc_token, "jwt"),
    ("payroll:stripe.secret_key", v.stripe_key, "stripe_key"),
]
_UNCLAIMED_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("gitea:database.PASSWD_URI", lambda r: "file:/run/secrets/gitea_db_password"),
    ("gitea:security.INTERNAL_TOKEN_URI", lambda r: "file:/etc/gitea/internal_token"),
    ("gitea:security.PASSWORD_HASH_ALGO", lambda r: v.pick(r, "pbkdf2_hi", "argon2", "bcrypt")),
    ("mattermost:EmailSettings.SMTPPassword:env", lambda r: "MM_EMAILSETTINGS_SMTPPASSWORD"),
    ("mattermost:PasswordSettings.MinimumLength", lambda r: str(r.randrange(8, 16))),
    ("superset:SECRET_KEY:ref", lambda r: "os.environ['SUPERSET_SECRET_KEY']"),
    ("sonarqube:sonar.auth.github.clientSecret.secured", lambda r: "{aes-gcm}" + v.b64(r.randbytes(28))),
    ("nifi:nifi.sensitive.props.algorithm", lambda r: "NIFI_PBKDF2_AES_GCM_256"),
    ("artemis:cluster-password:masked", lambda r: f"ENC({v.rand(r, v.HEX, 32)})"),
    ("authelia:session.secret:file", lambda r: "/run/secrets/authelia/session_secret"),
    ("authelia:password_policy.standard.min_length", lambda r: str(r.randrange(8, 16))),
    ("varnish:secret_file", lambda r: "/etc/varnish/secret"),
    ("pharmacy:plivo.auth_id", lambda r: v.unclaimed_plivo_pair(r)[0]),
    ("booking:statsig.client_key", lambda r: "client-" + v.rand(r, v.ALNUM, 43)),
    ("payroll:xendit.callback_header", lambda r: "x-callback-token"),
    ("mews:environment", lambda r: v.pick(r, "https://api.mews.com", "https://api.mews-demo.com")),
]


def _unheralded_sigv4(r: random.Random) -> str:
    """An AWS Signature Version 4 ``Authorization`` value for Amazon Lex V1 (its access key id in the credential
    scope; the signature is no secret)."""
    return (
        f"AWS4-HMAC-SHA256 Credential={v.aws_key_id(r)}/202601{r.randrange(10, 28)}/us-east-1/lex/aws4_request, "
        f"SignedHeaders=content-type;host;x-amz-date, Signature={v.rand(r, v.HEX, 64)}"
    )


# The unheralded split's vendors in the gateway's requests: (key generator, label, header, scheme).
_UNHERALDED_VENDORS: tuple[tuple[v.Gen, str, str, str], ...] = (
    (v.openai_project, "openai_project_key", "authorization", "Bearer "),
    (v.anthropic, "anthropic_api_key", "x-api-key", ""),
    (v.deepseek, "deepseek_api_key", "authorization", "Bearer "),
    (v.gcp_token, "gcp_oauth_token", "authorization", "Bearer "),
    (v.unheralded_llama_api_key, "bearer_token", "authorization", "Bearer "),
    (v.unheralded_ovh_ai_token, "jwt", "authorization", "Bearer "),
    (v.unheralded_cognito_token, "jwt", "authorization", "Bearer "),
    (lambda r: "AIza" + v.rand(r, v.ALNUM + "_-", 35), "google_api_key", "x-goog-api-key", ""),
    (_unheralded_sigv4, "aws_access_key_id", "authorization", ""),
)


def _unheralded_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path a request went to, told by its key: Gemini (``x-goog-api-key``), Amazon Lex V1 (a SigV4
    credential), Meta's Llama API (``LLM|``), OVHcloud AI Endpoints (an EdDSA JWT), a Llama Stack server behind
    Cognito (an RS256 JWT with its ``kid`` first), Dialogflow ES (a Google OAuth token); the shared vendors; Triton's
    TensorRT-LLM endpoint when there is no key."""
    if "x-goog-api-key" in head:
        return "generativelanguage.googleapis.com", "/v1beta/models/gemini-2.0-flash-live-001:generateContent"
    auth = head.get("authorization", "")
    if auth.startswith("AWS4-HMAC-SHA256"):
        return "runtime.lex.us-east-1.amazonaws.com", "/bot/VetBooking/alias/prod/user/frontdesk-01/text"
    token = auth.removeprefix("Bearer ")
    if token.startswith("LLM|"):
        return "api.llama.com", "/v1/chat/completions"
    if token.startswith("eyJhbGciOiJFZERTQSIs"):
        return "oai.endpoints.kepler.ai.cloud.ovh.net", "/v1/chat/completions"
    if token.startswith("eyJraWQiOi"):
        return "llama-stack.vetcare.internal", "/v1/agents/frontdesk/session/current/turn"
    if token.startswith("ya29.") or token.startswith("1//0"):
        return "dialogflow.googleapis.com", "/v2/projects/vet-frontdesk/agent/sessions/web-4821:detectIntent"
    if not token and "x-api-key" not in head:
        return "triton.dock.internal:8000", "/v2/models/ensemble/generate"
    return _llm_endpoint(head)


def _unheralded_markup(shape: int, system: str, user: str, answer: str) -> str:
    """PLaMo 2's ``<|plamo:op|>message role:...`` blocks, StepFun's ``<|BOT|>role`` turns closed by ``<|EOT|>``,
    Grok 2's ``Human:``/``Assistant:`` turns closed by ``<|separator|>``, Sailor's ChatML with ``question`` and
    ``answer`` roles, YandexGPT 5 Lite's `` Пользователь:``/`` Ассистент:[SEP]`` or GigaChat's
    ``role<|role_sep|>`` turns closed by ``<|message_sep|>``; ending with the assistant's marker when there is no
    answer yet (a prompt)."""
    if shape == 0:
        text = (
            f"<|plamo:op|>dataset\nchat\n<|plamo:op|>message role:system\n{system}\n"
            f"<|plamo:op|>message role:user\n{user}\n<|plamo:op|>message role:assistant\n"
        )
        return text + (f"{answer}\n" if answer else "")
    if shape == 1:
        text = f"<|BOT|>system\n{system}<|EOT|><|BOT|>human\n{user}<|EOT|><|BOT|>assistant\n"
        return text + (f"{answer}<|EOT|>" if answer else "")
    if shape == 2:
        text = f"System: {system}<|separator|>\n\nHuman: {user}<|separator|>\n\nAssistant:"
        return text + (f" {answer}<|separator|>\n\n" if answer else "")
    if shape == 3:
        text = f"<|im_start|>system\n{system}<|im_end|>\n<|im_start|>question\n{user}<|im_end|>\n<|im_start|>answer\n"
        return text + (f"{answer}<|im_end|>" if answer else "")
    if shape == 4:
        text = f"<s> Система: {system}\n\n Пользователь: {user}\n\n Ассистент:[SEP]"
        return text + (f"{answer}</s>" if answer else "")
    text = f"<s>system<|role_sep|>\n{system}<|message_sep|>\n\nuser<|role_sep|>\n{user}<|message_sep|>\n\n"
    return text + "assistant<|role_sep|>\n" + (f"{answer}<|message_sep|>" if answer else "")


def _llamacpp_log(r: random.Random, lang: str, user: str) -> str:
    """llama.cpp server's verbose JSON log line of the chat it formatted with the model's template (``formatted_chat``
    from ``format_chat``), in StepFun, Grok 2, Sailor, YandexGPT or GigaChat markup."""
    record = {
        "tid": str(r.randrange(10**14, 10**15)),
        "timestamp": contexts._epoch(r),
        "level": "VERB",
        "function": "format_chat",
        "line": r.choice((114, 117, 120)),
        "msg": "formatted_chat",
        "text": _unheralded_markup(r.choice((1, 2, 3, 4, 5)), chat.SYSTEM_PROMPTS[lang], user, ""),
    }
    return json.dumps(record, ensure_ascii=r.random() < 0.5)


# Keys users paste into a chat, with their vendor's label.
UNHERALDED_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.openai_project, "openai_project_key"),
    (v.anthropic, "anthropic_api_key"),
    (lambda r: f"SG.{v.rand(r, v.ALNUM + '_-', 22)}.{v.rand(r, v.ALNUM + '_-', 43)}", "sendgrid_api_key"),
    (lambda r: "npm_" + v.rand(r, v.ALNUM, 36), "npm_token"),
    (lambda r: "shpat_" + v.rand(r, v.HEX, 32), "shopify_token"),
    (lambda r: f"{r.randrange(10**9, 8 * 10**9)}:AA{v.rand(r, v.ALNUM + '_-', 33)}", "telegram_bot_token"),
    (lambda r: "AIza" + v.rand(r, v.ALNUM + "_-", 35), "google_api_key"),
    (v.slack_token, "slack_token"),
]


# The unheralded split's key-value rows: secrets under names no other split uses (MuleSoft secure properties, Camel's
# FTP endpoint, Node-RED's ``credentialSecret``, Mirth Connect's keystore and database, Orthanc's users, Frappe's
# ``site_config.json``, Moodle's ``config.php`` and settings, Apereo CAS' ticket and webflow keys, BigBlueButton's
# ``securitySalt``, Jitsi's component passwords, SSSD's bind password, Koha's database password, Snipe-IT's
# ``APP_KEY``, Telegraf's InfluxDB token and the keys of vendors with no detector of their own: Samsara, GoCardless,
# Shippo, Postmark and Fastly), vendor values under theirs (their vendor's label), and harmless settings with
# secret-sounding names (Mule's ``![...]`` ciphertexts, Telegraf's ``@{store:key}`` references, Koha's
# ``__DB_PASS__`` template, Node-RED's ``credentialSecret: false``, SSSD's token type, Postmark's documented test
# token, OneSignal's app id, Clerk's publishable key, paths, lengths and flags).
_UNHERALDED_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("mule:shipment-sync.carrier.client_secret", lambda r: v.rand(r, v.ALNUM, 40)),
    ("camel:camel.component.ftp.password", v.unheralded_password),
    ("node-red:credentialSecret", lambda r: v.rand(r, v.ALNUM, 32)),
    ("mirth:keystore.storepass", v.unheralded_password),
    ("mirth:database.password", v.unheralded_password),
    ("orthanc:RegisteredUsers.vet", v.unheralded_password),
    ("frappe:encryption_key", lambda r: v.b64url(r.randbytes(32)) + "="),
    ("frappe:db_password", lambda r: v.rand(r, v.ALNUM, 16)),
    ("moodle:smtppass", v.unheralded_password),
    ("moodle:recaptchaprivatekey", lambda r: "6L" + v.rand(r, v.ALNUM + "_-", 38)),
    ("cas:cas.tgc.crypto.encryption.key", lambda r: v.b64url(r.randbytes(32))),
    ("cas:cas.webflow.crypto.signing.key", lambda r: v.b64url(r.randbytes(64))),
    ("bbb:securitySalt", lambda r: v.rand(r, v.HEX, 32)),
    ("jitsi:JVB_AUTH_PASSWORD", lambda r: v.rand(r, v.HEX, 32)),
    ("sssd:ldap_default_authtok", v.unheralded_password),
    ("koha:pass", v.unheralded_password),
    ("snipeit:APP_KEY", lambda r: "base64:" + v.b64(r.randbytes(32))),
    ("telegraf:outputs.influxdb_v2.token", lambda r: v.b64url(r.randbytes(64)) + "=="),
    ("dispatch:samsara.api_token", v.unheralded_samsara_token),
    ("school:gocardless.access_token", v.unheralded_gocardless_token),
    ("dispatch:shippo.api_token", v.unheralded_shippo_token),
    ("vet:postmark.server_token", v.unheralded_uuid),
    ("dispatch:fastly.api_token", v.unheralded_fastly_token),
]
_UNHERALDED_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("node-red:openai.apiKey", v.openai_project, "openai_project_key"),
    ("frappe:anthropic_api_key", v.anthropic, "anthropic_api_key"),
    ("telegraf:outputs.cloudwatch.access_key", v.aws_key_id, "aws_access_key_id"),
    (
        "mirth:smtp.url",
        lambda r: (
            f"smtps://mirth-alerts:{urllib.parse.quote(v.unheralded_password(r), safe='')}@smtp.vetcare.example:465"
        ),
        "url_credentials",
    ),
    ("moodle:sendgrid.apikey", lambda r: f"SG.{v.rand(r, v.ALNUM + '_-', 22)}.{v.rand(r, v.ALNUM + '_-', 43)}",
     "sendgrid_api_key"),
    ("cas:cas.authn.pac4j.google.secret", lambda r: "GOCSPX-" + v.rand(r, v.ALNUM + "_-", 28),
     "google_oauth_client_secret"),
    ("vet:reminders.cognito_token", v.unheralded_cognito_token, "jwt"),
]  # fmt: skip
_UNHERALDED_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("mule:shipment-sync.carrier.client_secret:enc", lambda r: f"![{v.b64(r.randbytes(48))}]"),
    ("telegraf:outputs.influxdb_v2.token:ref", lambda r: "@{vault:influx_token}"),
    ("koha:pass:template", lambda r: "__DB_PASS__"),
    ("node-red:credentialSecret:disabled", lambda r: "false"),
    ("sssd:ldap_default_authtok_type", lambda r: "password"),
    ("mirth:keystore.path", lambda r: "${dir.appdata}/keystore.jks"),
    ("orthanc:AuthenticationEnabled", lambda r: "true"),
    ("moodle:minpasswordlength", lambda r: str(r.randrange(8, 16))),
    ("cas:cas.tgc.crypto.enabled", lambda r: v.pick(r, "true", "false")),
    ("vet:postmark.server_token:test", lambda r: "POSTMARK_API_TEST"),
    ("vet:onesignal.app_id", v.unheralded_uuid),
    ("school:clerk.publishable_key", lambda r: "pk_live_" + v.b64(b"clerk.pupunaleo.example$").rstrip("=")),
    ("school:gocardless.environment", lambda r: v.pick(r, "live", "sandbox")),
    ("jitsi:ENABLE_AUTH", lambda r: "1"),
    ("bbb:securitySalt:file", lambda r: "/etc/bigbluebutton/bbb-web.properties"),
    ("frappe:db_type", lambda r: "mariadb"),
]


def _unnoticed_sigv4(r: random.Random) -> str:
    """An AWS Signature Version 4 ``Authorization`` value for Bedrock's runtime (its access key id in the credential
    scope; the signature is no secret)."""
    return (
        f"AWS4-HMAC-SHA256 Credential={v.aws_key_id(r)}/202601{r.randrange(10, 28)}/eu-central-1/bedrock/aws4_request, "
        f"SignedHeaders=content-type;host;x-amz-date, Signature={v.rand(r, v.HEX, 64)}"
    )


# The unnoticed split's vendors in the gateway's requests: (key generator, label, header, scheme).
_UNNOTICED_VENDORS: tuple[tuple[v.Gen, str, str, str], ...] = (
    (v.openai_project, "openai_project_key", "authorization", "Bearer "),
    (v.anthropic, "anthropic_api_key", "x-api-key", ""),
    (v.deepseek, "deepseek_api_key", "authorization", "Bearer "),
    (v.gcp_token, "gcp_oauth_token", "authorization", "Bearer "),
    (v.unnoticed_edenai_key, "jwt", "authorization", "Bearer "),
    (v.unnoticed_salesforce_token, "bearer_token", "authorization", "Bearer "),
    (v.unnoticed_bedrock_key, "bearer_token", "authorization", "Bearer "),
    (v.unnoticed_nlpcloud_token, "generic_secret", "authorization", "Token "),
    (_unnoticed_sigv4, "aws_access_key_id", "authorization", ""),
)


def _unnoticed_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path a request went to, told by its key: Titan on Bedrock (a SigV4 credential or a Bedrock API
    key), Eden AI (an HS256 JWT), Salesforce's Einstein Models API (an org-prefixed session id), NLP Cloud (the
    ``Token`` scheme), Vertex AI Search (a Google OAuth token); the shared vendors; an in-house LightLLM server when
    there is no key."""
    auth = head.get("authorization", "")
    if auth.startswith("AWS4-HMAC-SHA256") or auth.startswith("Bearer ABSK"):
        return "bedrock-runtime.eu-central-1.amazonaws.com", "/model/amazon.titan-text-premier-v1:0/invoke"
    if auth.startswith("Token "):
        return "api.nlpcloud.io", "/v1/gpu/finetuned-llama-3-70b/chatbot"
    token = auth.removeprefix("Bearer ")
    if token.startswith("eyJ"):
        return "api.edenai.run", "/v2/text/chat"
    if token.startswith("00D"):
        return "api.salesforce.com", "/einstein/platform/v1/models/sfdc_ai__DefaultGPT4Omni/chat-generations"
    if token.startswith("ya29.") or token.startswith("1//0"):
        return (
            "discoveryengine.googleapis.com",
            "/v1/projects/lkw-support/locations/global/collections/default_collection/engines/meter-faq/"
            "servingConfigs/default_search:answer",
        )
    if not token and "x-api-key" not in head:
        return "lightllm.mdm.internal:8080", "/generate"
    return _llm_endpoint(head)


def _unnoticed_markup(shape: int, system: str, user: str, answer: str) -> str:
    """Alfred-40B's ``<start_system>``/``<start_user>``/``<start_assistant>`` turns closed by ``<end_message>``,
    Persimmon-8B-chat's ``human:``/``adept:``, PhoGPT's ``### Câu hỏi:``/``### Trả lời:``, Cerbero-7B's
    ``[|Umano|]``/``[|Assistente|]`` after its preamble, SeaLLM-7B-v2's ChatML closed by ``</s>`` or SEA-LION's
    ``### USER:``/``### RESPONSE:``; ending with the assistant's marker when there is no answer yet (a prompt)."""
    if shape == 0:
        text = f"<start_system>{system}<end_message><start_user>{user}<end_message><start_assistant>"
        return text + (f"{answer}<end_message>" if answer else "")
    if shape == 1:
        return f"human: {user}\n\nadept:" + (f" {answer}" if answer else "")
    if shape == 2:
        return f"### Câu hỏi: {user}\n### Trả lời:" + (f" {answer}" if answer else "")
    if shape == 3:
        text = f"Questa è una conversazione tra un umano ed un assistente AI.\n[|Umano|] {user}\n[|Assistente|]"
        return text + (f" {answer}" if answer else "")
    if shape == 4:
        text = f"<|im_start|>system\n{system}</s><|im_start|>user\n{user}</s><|im_start|>assistant\n"
        return text + (f"{answer}</s>" if answer else "")
    return f"### USER:\n{user}\n\n### RESPONSE:\n" + (answer if answer else "")


def _mistralrs_log(r: random.Random, lang: str, user: str) -> str:
    """mistral.rs server's debug line (Rust ``tracing``) with the prompt it rendered from the chat template, in
    Alfred-40B, SeaLLM-7B-v2, Cerbero-7B or SEA-LION markup."""
    prompt = _unnoticed_markup(r.choice((0, 3, 4, 5)), chat.SYSTEM_PROMPTS[lang], user, "")
    when = f"2026-01-{r.randrange(10, 28)}T{contexts._unt_clock(r)}.{r.randrange(0, 10**6):06d}Z"
    rendered = json.dumps(prompt, ensure_ascii=False)
    return f"{when} DEBUG mistralrs_core::pipeline::chat_template: Rendered prompt: {rendered}"


# Keys users paste into a chat, with their vendor's label.
UNNOTICED_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.openai_project, "openai_project_key"),
    (v.anthropic, "anthropic_api_key"),
    (lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
    (lambda r: f"github_pat_{v.rand(r, v.ALNUM, 22)}_{v.rand(r, v.ALNUM, 59)}", "github_fine_grained_token"),
    (v.stripe_key, "stripe_key"),
    (lambda r: "glpat-" + v.rand(r, v.ALNUM + "_-", 20), "gitlab_token"),
    (lambda r: "dop_v1_" + v.rand(r, v.HEX, 64), "digitalocean_token"),
    (lambda r: "pypi-AgEIcHlwaS5vcmc" + v.rand(r, v.ALNUM + "_-", 80), "pypi_token"),
]


# The unnoticed split's key-value rows: secrets under names no other split uses (Airbyte connector fields, Argo's SSO
# client secret, Milvus' root password, Velero's repository password, BentoCloud's API key, Label Studio's user token,
# Uptime Kuma's SMTP password, Redpanda's superuser, cloud-init's chpasswd, Portainer's admin password, Wazuh's
# enrollment password, an airline's Amadeus client secret, a trial's REDCap token and Medidata Rave password, a
# utility's DLMS keys and LLS password, and the keys of vendors with no detector of their own: HubSpot, Typeform,
# Honeycomb, Dynatrace, Supabase and Doppler), vendor values under theirs (their vendor's label), and harmless settings
# with secret-sounding names (Airbyte's ``**********`` mask, Kubernetes secret names, public client ids, Twilio account
# SIDs, Duo integration keys, DLMS security suites, paths, flags).
_UNNOTICED_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("airbyte:source-postgres.password", v.unnoticed_password),
    ("argo:sso.clientSecret", lambda r: v.rand(r, v.ALNUM, 40)),
    ("milvus:common.security.defaultRootPassword", v.unnoticed_password),
    ("velero:velero-repo-credentials.repository-password", lambda r: v.rand(r, v.ALNUM, 32)),
    ("bentoml:BENTO_CLOUD_API_KEY", lambda r: v.rand(r, string.ascii_lowercase + string.digits, 20)),
    ("label-studio:LABEL_STUDIO_USER_TOKEN", lambda r: v.rand(r, v.HEX, 40)),
    ("uptime-kuma:notification.smtpPassword", v.unnoticed_password),
    ("redpanda:superusers.admin.password", v.unnoticed_password),
    ("cloud-init:chpasswd.users.ops", v.unnoticed_password),
    ("portainer:admin.password", v.unnoticed_password),
    ("wazuh:authd.pass", v.unnoticed_password),
    ("pss:amadeus.client_secret", lambda r: v.rand(r, v.ALNUM, 16)),
    ("edc:redcap.api_token", v.unnoticed_redcap_token),
    ("edc:rave.password", v.unnoticed_password),
    ("mdm:dlms.guek", lambda r: v.rand(r, "0123456789ABCDEF", 32)),
    ("mdm:dlms.gak", lambda r: v.rand(r, "0123456789ABCDEF", 32)),
    ("mdm:dlms.lls_password", lambda r: v.rand(r, v.ALNUM, 8)),
    ("crm:hubspot.private_app_token", v.unnoticed_hubspot_token),
    ("edc:typeform.token", v.unnoticed_typeform_token),
    ("ops:honeycomb.ingest_key", v.unnoticed_honeycomb_key),
    ("ops:dynatrace.api_token", v.unnoticed_dynatrace_token),
    ("ops:supabase.access_token", v.unnoticed_supabase_pat),
    ("ops:doppler.token", v.unnoticed_doppler_pat),
]
_UNNOTICED_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("velero:cloud.aws_secret_access_key", v.aws_secret, "aws_secret_access_key"),
    ("velero:cloud.aws_access_key_id", v.aws_key_id, "aws_access_key_id"),
    ("uptime-kuma:notification.telegramBotToken",
     lambda r: f"{r.randrange(10**9, 8 * 10**9)}:AA{v.rand(r, v.ALNUM + '_-', 33)}", "telegram_bot_token"),
    ("airbyte:destination-milvus.embedding.openai_key", v.openai_project, "openai_project_key"),
    ("bentoml:ANTHROPIC_API_KEY", v.anthropic, "anthropic_api_key"),
    ("label-studio:EMAIL_HOST_PASSWORD",
     lambda r: f"SG.{v.rand(r, v.ALNUM + '_-', 22)}.{v.rand(r, v.ALNUM + '_-', 43)}", "sendgrid_api_key"),
    ("airbyte:source-stripe.client_secret", v.stripe_key, "stripe_key"),
    ("mdm:broker.url",
     lambda r: f"mqtts://meter-gw:{urllib.parse.quote(v.unnoticed_password(r), safe='')}@broker.lkw.example:8883",
     "url_credentials"),
]  # fmt: skip
_UNNOTICED_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("airbyte:source-postgres.password:masked", lambda r: "**********"),
    ("argo:artifactRepository.s3.secretKeySecret.name", lambda r: "argo-artifacts-s3"),
    ("milvus:common.security.authorizationEnabled", lambda r: v.pick(r, "true", "false")),
    ("velero:credentials.useSecret", lambda r: "true"),
    ("label-studio:LABEL_STUDIO_USER_TOKEN:ref", lambda r: "${LS_TOKEN}"),
    ("uptime-kuma:notification.telegramChatID", lambda r: "@lkw_meter_alerts"),
    ("pss:amadeus.client_id", lambda r: v.rand(r, v.ALNUM, 32)),
    ("edc:redcap.api_url", lambda r: "https://redcap.sardtrial.example/api/"),
    ("mdm:dlms.security_suite", lambda r: v.pick(r, "0", "1")),
    ("mdm:dlms.authentication", lambda r: v.pick(r, "HLS-GMAC", "LLS")),
    ("cloud-init:ssh_pwauth", lambda r: "false"),
    ("wazuh:authd.use_password", lambda r: "yes"),
    ("portainer:admin.password_file", lambda r: "/run/secrets/portainer"),
    ("ops:twilio.account_sid", lambda r: "AC" + v.rand(r, v.HEX, 32)),
    ("ops:duo.ikey", lambda r: v.unnoticed_duo_pair(r)[0]),
    ("mdm:grafana.stack_slug", lambda r: v.pick(r, "lkwmeters", "lkw-ops")),
]


# The unremarked split's vendors in the gateway's requests: (key generator, label, header, scheme).
_UNREMARKED_VENDORS: tuple[tuple[v.Gen, str, str, str], ...] = (
    (v.openai_project, "openai_project_key", "authorization", "Bearer "),
    (v.anthropic, "anthropic_api_key", "x-api-key", ""),
    (v.deepseek, "deepseek_api_key", "authorization", "Bearer "),
    (v.gcp_token, "gcp_oauth_token", "authorization", "Bearer "),
    (v.unremarked_openai_svcacct, "openai_project_key", "authorization", "Bearer "),
    (v.unremarked_yandex_api_key, "generic_secret", "authorization", "Api-Key "),
    (v.unremarked_deepgram_key, "generic_secret", "authorization", "Token "),
    (v.unremarked_assemblyai_key, "generic_secret", "authorization", ""),
    (v.unremarked_elevenlabs_key, "generic_secret", "xi-api-key", ""),
    (v.unremarked_ionos_jwt, "jwt", "authorization", "Bearer "),
    (v.unremarked_stability_key, "bearer_token", "authorization", "Bearer "),
    (v.unremarked_luma_key, "bearer_token", "authorization", "Bearer "),
    (v.unremarked_runway_key, "bearer_token", "authorization", "Bearer "),
)


def _unremarked_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path a request went to, told by its key: YandexGPT (``Api-Key``), Deepgram's text intelligence
    (``Token``), AssemblyAI's LeMUR (a bare key), ElevenLabs' agents (``xi-api-key``), IONOS' AI Model Hub (a JWT),
    an OpenAI service account, Stability AI, Luma and Runway (their prefixes); the shared vendors; an in-house Petals
    server when there is no key."""
    auth = head.get("authorization", "")
    token = auth.removeprefix("Bearer ")
    if auth.startswith("Api-Key "):
        return "llm.api.cloud.yandex.net", "/foundationModels/v1/completion"
    if auth.startswith("Token "):
        return "api.deepgram.com", "/v1/read?summarize=v2&language=en"
    if "xi-api-key" in head:
        return "api.elevenlabs.io", "/v1/convai/conversation/simulate"
    if auth and not auth.startswith("Bearer "):
        return "api.assemblyai.com", "/lemur/v3/generate/task"
    if token.startswith("eyJ"):
        return "openai.inference.de-txl.ionos.com", "/v1/chat/completions"
    if token.startswith("sk-svcacct-"):
        return "api.openai.com", "/v1/chat/completions"
    if token.startswith("luma-"):
        return "api.lumalabs.ai", "/dream-machine/v1/generations"
    if token.startswith("key_"):
        return "api.dev.runwayml.com", "/v1/text_to_image"
    if token.startswith("sk-") and len(token) == 51:
        return "api.stability.ai", "/v2beta/stable-image/generate/core"
    if not token and "x-api-key" not in head:
        return "petals.payg.internal:5000", "/api/v1/generate"
    return _llm_endpoint(head)


def _unremarked_markup(shape: int, system: str, user: str, answer: str) -> str:
    """LLM-jp's instruction format (``### 指示:``/``### 応答:`` after its Japanese preamble), Vigogne's ``<|system|>:``/
    ``<|user|>:``/``<|assistant|>:``, Gorilla OpenFunctions' ``### Instruction: <<function>>...<<question>>`` and
    ``### Response:``, Phoenix's ``Human: <s>...</s>Assistant: <s>``, Dolly's ``### Instruction:``/``### Response:``
    closed by ``### End`` or Claire's ``[Intervenant 1:]``/``[Intervenant 2:]``; ending with the assistant's marker
    when there is no answer yet (a prompt)."""
    if shape == 0:
        head = "以下は、タスクを説明する指示です。要求を適切に満たす応答を書きなさい。"
        return f"{head}\n\n### 指示:\n{user}\n\n### 応答:\n" + answer
    if shape == 1:
        return f"<|system|>: {system}\n<|user|>: {user}\n<|assistant|>:" + (f" {answer}" if answer else "")
    if shape == 2:
        head = (
            "You are an AI programming assistant, utilizing the Gorilla LLM model, developed by Gorilla LLM, and you "
            "only answer questions related to computer science. For politically sensitive questions, security and "
            "privacy issues, and other non-computer science questions, you will refuse to answer"
        )
        return f"{head}\n### Instruction: <<function>>[]\n<<question>>{user}\n### Response: " + answer
    if shape == 3:
        head = (
            "A chat between a curious human and an artificial intelligence assistant. The assistant gives helpful, "
            "detailed, and polite answers to the human's questions."
        )
        return f"{head}\n\nHuman: <s>{user}</s>Assistant: <s>" + (f"{answer}</s>" if answer else "")
    if shape == 4:
        head = (
            "Below is an instruction that describes a task. Write a response that appropriately completes the request."
        )
        return f"{head}\n\n### Instruction:\n{user}\n\n### Response:\n" + (f"{answer}\n\n### End" if answer else "")
    return f"[Intervenant 1:] {user}\n[Intervenant 2:]" + (f" {answer}" if answer else "")


def _mlx_log(r: random.Random, lang: str, user: str) -> str:
    """``mlx_lm.server``'s debug line (Python logging) with the prompt it rendered from the chat template, in Vigogne,
    Phoenix, Dolly or Claire markup."""
    prompt = _unremarked_markup(r.choice((1, 3, 4, 5)), chat.SYSTEM_PROMPTS[lang], user, "")
    when = f"2026-01-{r.randrange(10, 28)} {contexts._urm_clock(r)},{r.randrange(0, 1000):03d}"
    return f"{when} - DEBUG - Prompt: {json.dumps(prompt, ensure_ascii=False)}"


# Keys users paste into a chat, with their vendor's label.
UNREMARKED_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.openai_project, "openai_project_key"),
    (v.anthropic, "anthropic_api_key"),
    (v.slack_token, "slack_token"),
    (lambda r: "npm_" + v.rand(r, v.ALNUM, 36), "npm_token"),
    (lambda r: "shpat_" + v.rand(r, v.HEX, 32), "shopify_token"),
    (lambda r: f"SG.{v.rand(r, v.ALNUM + '_-', 22)}.{v.rand(r, v.ALNUM + '_-', 43)}", "sendgrid_api_key"),
    (lambda r: f"{r.randrange(10**9, 8 * 10**9)}:AA{v.rand(r, v.ALNUM + '_-', 33)}", "telegram_bot_token"),
    (lambda r: "SK" + v.rand(r, v.HEX, 32), "twilio_api_key"),
]


# The unremarked split's key-value rows: secrets under names no other split uses (Dokku and Coolify app settings, Tyk's
# secrets, Pulsar's token key, Kestra's datasource, Windmill's superadmin secret, Meltano's tap settings, Redash's
# cookie and secret keys, Strapi's salts and keys, Casdoor's client secret, Sentry Relay's key, a Bitrix24 webhook's
# code, and the keys of vendors with no detector of their own: YooKassa, Orange, MTN MoMo, PayDunya, DaData, Alibaba
# Cloud, Tencent Cloud, Xata, MailerSend, PlanetScale, New Relic and Plaid), vendor values under theirs (their
# vendor's label), and harmless settings with secret-sounding names (Kestra ``{{ secret(...) }}`` and Windmill
# ``$var:`` references, Coolify's magic variables, public client ids and publishable keys, key ids, modes, flags,
# paths).
_UNREMARKED_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("dokku:payg-api:SECRET_KEY_BASE", lambda r: v.rand(r, v.HEX, 128)),
    ("coolify:rentals:APP_KEY", lambda r: "base64:" + v.b64(r.randbytes(32))),
    ("tyk:secret", lambda r: v.rand(r, v.ALNUM, 32)),
    ("tyk:node_secret", lambda r: v.rand(r, v.ALNUM, 32)),
    ("pulsar:tokenSecretKey", lambda r: "data:;base64," + v.b64(r.randbytes(32))),
    ("kestra:datasources.postgres.password", v.unremarked_password),
    ("windmill:SUPERADMIN_SECRET", lambda r: v.rand(r, v.ALNUM, 32)),
    ("meltano:TAP_POSTGRES_PASSWORD", v.unremarked_password),
    ("redash:REDASH_COOKIE_SECRET", lambda r: v.rand(r, v.HEX, 64)),
    ("redash:REDASH_SECRET_KEY", lambda r: v.rand(r, v.HEX, 64)),
    ("strapi:ADMIN_JWT_SECRET", lambda r: v.b64(r.randbytes(16))),
    ("strapi:API_TOKEN_SALT", lambda r: v.b64(r.randbytes(16))),
    ("strapi:APP_KEYS", lambda r: ",".join(v.b64(r.randbytes(16)) for _ in range(4))),
    ("casdoor:application.clientSecret", lambda r: v.rand(r, v.HEX, 40)),
    ("sentry-relay:credentials.secret_key", lambda r: v.rand(r, v.B64URL, 43)),
    ("bitrix24:webhook.code", lambda r: v.rand(r, string.ascii_lowercase + string.digits, 16)),
    ("yookassa:secret_key", v.unremarked_yookassa_secret),
    ("orange:sms.client_secret", lambda r: v.rand(r, v.ALNUM, 16)),
    ("momo:collection.api_key", v.unremarked_momo_key),
    ("paydunya:PAYDUNYA_PRIVATE_KEY", lambda r: v.unremarked_paydunya_keys(r)[1]),
    ("dadata:DADATA_SECRET", lambda r: v.unremarked_dadata_pair(r)[1]),
    ("alibaba:AccessKeySecret", lambda r: v.unremarked_alibaba_pair(r)[1]),
    ("tencent:SecretKey", lambda r: v.unremarked_tencent_pair(r)[1]),
    ("xata:XATA_API_KEY", v.unremarked_xata_key),
    ("mailersend:MAILERSEND_API_KEY", v.unremarked_mailersend_token),
    ("planetscale:DATABASE_PASSWORD", v.unremarked_planetscale_password),
    ("newrelic:NEW_RELIC_INSERT_KEY", v.unremarked_newrelic_insert),
    ("plaid:access_token", v.unremarked_plaid_access),
]
_UNREMARKED_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("meltano:target-s3.aws_secret_access_key", v.aws_secret, "aws_secret_access_key"),
    ("meltano:target-s3.aws_access_key_id", v.aws_key_id, "aws_access_key_id"),
    ("kestra:notifications.telegram.token",
     lambda r: f"{r.randrange(10**9, 8 * 10**9)}:AA{v.rand(r, v.ALNUM + '_-', 33)}", "telegram_bot_token"),
    ("windmill:u/admin/openai.api_key", v.openai_project, "openai_project_key"),
    ("coolify:rentals:ANTHROPIC_API_KEY", v.anthropic, "anthropic_api_key"),
    ("strapi:SENDGRID_API_KEY",
     lambda r: f"SG.{v.rand(r, v.ALNUM + '_-', 22)}.{v.rand(r, v.ALNUM + '_-', 43)}", "sendgrid_api_key"),
    ("strapi:STRIPE_SECRET_KEY", v.stripe_key, "stripe_key"),
    ("redash:REDASH_DATABASE_URL",
     lambda r: f"postgresql://redash:{urllib.parse.quote(v.unremarked_password(r), safe='')}@pg-redash:5432/redash",
     "url_credentials"),
    ("dokku:payg-api:GITHUB_TOKEN", lambda r: v.github_token(r, "ghp"), "github_classic_token"),
]  # fmt: skip
_UNREMARKED_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("kestra:datasources.postgres.password:ref", lambda r: "{{ secret('PG_PASSWORD') }}"),
    ("windmill:u/admin/openai.api_key:ref", lambda r: "$var:f/secrets/openai_key"),
    ("coolify:rentals:POSTGRES_PASSWORD", lambda r: "$SERVICE_PASSWORD_POSTGRES"),
    ("tyk:enable_analytics", lambda r: v.pick(r, "true", "false")),
    ("pulsar:authenticationEnabled", lambda r: "true"),
    ("pulsar:authenticationProviders",
     lambda r: "org.apache.pulsar.broker.authentication.AuthenticationProviderToken"),
    ("yookassa:shop_id", lambda r: str(r.randrange(100000, 999999))),
    ("casdoor:application.clientId", lambda r: v.rand(r, v.HEX, 20)),
    ("strapi:STRIPE_PUBLISHABLE_KEY", lambda r: "pk_live_" + v.rand(r, v.ALNUM, 99)),
    ("redash:REDASH_COOKIE_SECURE", lambda r: "true"),
    ("strapi:ADMIN_JWT_SECRET_FILE", lambda r: "/run/secrets/strapi_admin_jwt"),
    ("sentry-relay:credentials.public_key", lambda r: v.rand(r, v.B64URL, 43)),
    ("tencent:SecretId", lambda r: v.unremarked_tencent_pair(r)[0]),
    ("paydunya:PAYDUNYA_MODE", lambda r: "live"),
    ("momo:target_environment", lambda r: v.pick(r, "mtncongo", "mtnguineaconakry")),
    ("linkerd:identity.issuer.scheme", lambda r: "kubernetes.io/tls"),
]  # fmt: skip


# The unforeseen split's vendors in the gateway's requests: (key generator, label, header, scheme).
_UNFORESEEN_VENDORS: tuple[tuple[v.Gen, str, str, str], ...] = (
    (v.openai_project, "openai_project_key", "authorization", "Bearer "),
    (v.anthropic, "anthropic_api_key", "x-api-key", ""),
    (v.deepseek, "deepseek_api_key", "authorization", "Bearer "),
    (v.gcp_token, "gcp_oauth_token", "authorization", "Bearer "),
    (lambda r: v.rand(r, v.HEX, 32), "generic_secret", "api-key", ""),
    (v.unforeseen_leonardo_key, "bearer_token", "authorization", "Bearer "),
    (v.unforeseen_hetzner_token, "bearer_token", "authorization", "Bearer "),
    (v.unforeseen_ideogram_key, "generic_secret", "api-key", ""),
    (v.unforeseen_heygen_key, "generic_secret", "x-api-key", ""),
    (v.unforeseen_synthesia_key, "generic_secret", "authorization", ""),
    (v.unforeseen_cartesia_key, "generic_secret", "x-api-key", ""),
    (lambda r: v.unforeseen_playht_pair(r)[1], "generic_secret", "authorization", ""),
    (v.unforeseen_resemble_token, "generic_secret", "authorization", "Token token="),
    (v.unforeseen_zitadel_jwt, "jwt", "authorization", "Bearer "),
)
# The headers that carry a key in this split's requests (what a REST Client file replaces by a variable).
_UNFORESEEN_KEY_HEADERS = frozenset({"authorization", "x-api-key", "api-key"})


def _unforeseen_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path a request went to, told by its key: Azure AI Inference (``api-key``, 32 hex digits),
    Ideogram (``api-key``, longer), HeyGen (base64 ``x-api-key``), Cartesia (``sk_car_``), Synthesia and PlayHT (bare
    keys in ``authorization``), Resemble (``Token token=``), Leonardo (a UUID), Hetzner's GPU inference proxy (64
    characters), a ZITADEL-protected in-house gateway (a JWT); the shared vendors; an in-house AI Horde worker when
    there is no key."""
    auth = head.get("authorization", "")
    token = auth.removeprefix("Bearer ")
    api_key, x_key = head.get("api-key", ""), head.get("x-api-key", "")
    if api_key:
        if len(api_key) == 32:
            return "tabibi-ai.services.ai.azure.com", "/models/chat/completions?api-version=2024-05-01-preview"
        return "api.ideogram.ai", "/v1/ideogram-v3/generate"
    if x_key.startswith("sk_car_"):
        return "api.cartesia.ai", "/tts/bytes"
    if x_key and not x_key.startswith("sk-ant-"):
        return "api.heygen.com", "/v2/video/generate"
    if auth.startswith("Token token="):
        return "app.resemble.ai", "/api/v2/projects"
    if auth and not auth.startswith("Bearer "):
        return "api.synthesia.io", "/v2/videos"
    if token.startswith("eyJ"):
        return "llm.ev-grid.internal", "/v1/chat/completions"
    if len(token) == 36 and token.count("-") == 4:
        return "cloud.leonardo.ai", "/api/rest/v1/generations"
    if len(token) == 64 and token.isalnum() and not token.startswith("sk-"):
        return "inference.hubnord.example", "/v1/completions"
    if not token and "x-api-key" not in head:
        return "aihorde.net", "/api/v2/generate/text/async"
    return _llm_endpoint(head)


def _unforeseen_markup(shape: int, system: str, user: str, answer: str) -> str:
    """Command A's turns with ``<|START_RESPONSE|>``/``<|END_RESPONSE|>``, BELLE's ``Human:``/``Belle:``, KoAlpaca's
    ``### 질문:``/``### 답변:``, RWKV's ``Bob:``/``Alice:``, Qwen3's ChatML with ``/no_think`` and an empty ``<think>``
    block, or Moondream's ``Question:``/``Answer:``; ending with the assistant's marker when there is no answer yet (a
    prompt)."""
    if shape == 0:
        turn = "<|START_OF_TURN_TOKEN|>"
        head = (
            f"<BOS_TOKEN>{turn}<|SYSTEM_TOKEN|>{system}<|END_OF_TURN_TOKEN|>{turn}<|USER_TOKEN|>{user}"
            f"<|END_OF_TURN_TOKEN|>{turn}<|CHATBOT_TOKEN|><|START_RESPONSE|>"
        )
        return head + (f"{answer}<|END_RESPONSE|><|END_OF_TURN_TOKEN|>" if answer else "")
    if shape == 1:
        return f"Human: {user}\n\nBelle: " + answer
    if shape == 2:
        return f"### 질문: {user}\n\n### 답변:" + (f" {answer}" if answer else "")
    if shape == 3:
        return f"{system}\n\nBob: {user}\n\nAlice:" + (f" {answer}" if answer else "")
    if shape == 4:
        head = (
            f"<|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\n{user} /no_think<|im_end|>\n"
            "<|im_start|>assistant\n<think>\n\n</think>\n\n"
        )
        return head + (f"{answer}<|im_end|>" if answer else "")
    return f"\n\nQuestion: {user}\n\nAnswer:" + (f" {answer}" if answer else "")


def _mlc_log(r: random.Random, lang: str, user: str) -> str:
    """MLC LLM's ``mlc_llm serve`` debug line with the prompt it rendered from the conversation template, in Command A,
    BELLE, RWKV or Qwen3 markup."""
    prompt = _unforeseen_markup(r.choice((0, 1, 3, 4)), chat.SYSTEM_PROMPTS[lang], user, "")
    when = f"2026-01-{r.randrange(10, 28)} {contexts._ufs_clock(r)}"
    return f"[{when}] DEBUG engine_base.py:{r.randrange(300, 900)}: request {v.rand(r, v.HEX, 8)} prompt: {prompt!r}"


# Keys users paste into a chat, with their vendor's label.
UNFORESEEN_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.openai_project, "openai_project_key"),
    (v.anthropic, "anthropic_api_key"),
    (v.slack_token, "slack_token"),
    (lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
    (lambda r: f"glpat-{v.rand(r, v.ALNUM + '_-', 20)}", "gitlab_token"),
    (lambda r: f"{r.randrange(10**9, 8 * 10**9)}:AA{v.rand(r, v.ALNUM + '_-', 33)}", "telegram_bot_token"),
    (lambda r: "dop_v1_" + v.rand(r, v.HEX, 64), "digitalocean_token"),
    (v.stripe_key, "stripe_key"),
]


# The unforeseen split's key-value rows: secrets under names no other split uses (ZITADEL's master key and database
# password, Vaultwarden's admin token and SMTP password, Kyverno's registry password, Falcosidekick's webhook
# secret, APISIX's admin key, KrakenD's signing secret, Patroni's replication password, Meilisearch's master key, n8n's
# encryption key, vmauth's password, Headscale's OIDC client secret, LiveKit's API secret, Agora's certificate, and the
# keys of vendors with no detector of their own: Kavenegar, Ghasedak, ArvanCloud, MessageBird, Mailgun, Novu, Mixpanel,
# Amplitude, Snyk, Appwrite, listmonk, Backblaze, bunny.net, Picovoice, Sinch and Exoscale), vendor values under theirs
# (their vendor's label), and harmless settings with secret-sounding names (n8n ``{{ $env... }}`` and APISIX
# ``$env://`` references, ``_FILE`` paths, Vaultwarden's ``ADMIN_TOKEN`` as the argon2 hash its docs recommend (a
# password hash), public keys and key ids, modes, flags).
_UNFORESEEN_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("zitadel:ZITADEL_MASTERKEY", lambda r: v.rand(r, v.ALNUM, 32)),
    ("zitadel:Database.postgres.User.Password", v.unforeseen_password),
    ("vaultwarden:SMTP_PASSWORD", v.unforeseen_password),
    ("vaultwarden:ADMIN_TOKEN", lambda r: v.b64(r.randbytes(48))),
    ("kyverno:imagePullSecrets.regcred.password", v.unforeseen_password),
    ("falcosidekick:webhook.customHeaders.X-Auth", lambda r: v.rand(r, v.HEX, 40)),
    ("apisix:deployment.admin.admin_key[0].key", lambda r: v.rand(r, v.HEX, 32)),
    ("krakend:jose.signer.secret", lambda r: v.b64url(r.randbytes(32))),
    ("patroni:postgresql.authentication.replication.password", v.unforeseen_password),
    ("meilisearch:MEILI_MASTER_KEY", v.unforeseen_meili_key),
    ("n8n:N8N_ENCRYPTION_KEY", lambda r: v.rand(r, v.ALNUM, 32)),
    ("vmauth:users[0].password", v.unforeseen_password),
    ("headscale:oidc.client_secret", lambda r: v.rand(r, v.ALNUM, 40)),
    ("livekit:keys.APIv9hKc4Rrw2Nq", lambda r: v.unforeseen_livekit_pair(r)[1]),
    ("agora:AGORA_APP_CERTIFICATE", v.unforeseen_agora_cert),
    ("kavenegar:API_KEY", v.unforeseen_kavenegar_key),
    ("ghasedak:apikey", v.unforeseen_ghasedak_key),
    ("arvancloud:ARVAN_API_KEY", lambda r: "Apikey " + v.unforeseen_arvan_key(r)),
    ("messagebird:MESSAGEBIRD_ACCESS_KEY", v.unforeseen_messagebird_key),
    ("mailgun:MAILGUN_API_KEY", v.unforeseen_mailgun_key),
    ("novu:NOVU_SECRET_KEY", v.unforeseen_novu_key),
    ("mixpanel:MIXPANEL_SERVICE_ACCOUNT_SECRET", v.unforeseen_mixpanel_secret),
    ("amplitude:AMPLITUDE_SECRET_KEY", lambda r: v.unforeseen_amplitude_pair(r)[1]),
    ("snyk:SNYK_TOKEN", v.unforeseen_snyk_token),
    ("appwrite:APPWRITE_API_KEY", v.unforeseen_appwrite_key),
    ("listmonk:api.token", v.unforeseen_listmonk_token),
    ("backblaze:B2_APPLICATION_KEY", lambda r: v.unforeseen_backblaze_pair(r)[1]),
    ("bunny:BUNNY_API_KEY", v.unforeseen_bunny_key),
    ("picovoice:PICOVOICE_ACCESS_KEY", v.unforeseen_picovoice_key),
    ("sinch:SINCH_KEY_SECRET", lambda r: v.unforeseen_sinch_pair(r)[1]),
    ("exoscale:EXOSCALE_API_SECRET", lambda r: v.unforeseen_exoscale_pair(r)[1]),
]
_UNFORESEEN_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("n8n:credentials.openAiApi.apiKey", v.openai_project, "openai_project_key"),
    ("livekit:agents.ANTHROPIC_API_KEY", v.anthropic, "anthropic_api_key"),
    ("vmagent:remoteWrite.aws.secretKey", v.aws_secret, "aws_secret_access_key"),
    ("vmagent:remoteWrite.aws.accessKey", v.aws_key_id, "aws_access_key_id"),
    ("falcosidekick:slack.webhookurl",
     lambda r: (f"https://hooks.slack.com/services/T{v.rand(r, v.UPPER, 10)}/B{v.rand(r, v.UPPER, 10)}/"
                f"{v.rand(r, v.ALNUM, 24)}"),
     "slack_webhook"),
    ("n8n:DB_POSTGRESDB_URL",
     lambda r: f"postgres://n8n:{urllib.parse.quote(v.unforeseen_password(r), safe='')}@pg-n8n:5432/n8n",
     "url_credentials"),
    ("kyverno:verifyImages.github.token", lambda r: v.github_token(r, "ghp"), "github_classic_token"),
    ("zitadel:machine.ev-roaming.access_token", v.unforeseen_zitadel_jwt, "jwt"),
]  # fmt: skip
_UNFORESEEN_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("n8n:credentials.openAiApi.apiKey:ref", lambda r: "={{ $env.OPENAI_API_KEY }}"),
    ("apisix:plugins.ai-proxy.auth.header.Authorization", lambda r: "Bearer $env://OPENAI_KEY"),
    ("vaultwarden:SIGNUPS_ALLOWED", lambda r: "false"),
    ("zitadel:ZITADEL_MASTERKEY_FILE", lambda r: "/run/secrets/zitadel_masterkey"),
    ("patroni:postgresql.authentication.replication.username", lambda r: "replicator"),
    ("meilisearch:MEILI_ENV", lambda r: v.pick(r, "production", "development")),
    ("livekit:keys.api_key", lambda r: v.unforeseen_livekit_pair(r)[0]),
    ("mixpanel:MIXPANEL_PROJECT_TOKEN", lambda r: v.rand(r, v.HEX, 32)),
    ("amplitude:AMPLITUDE_API_KEY", lambda r: v.unforeseen_amplitude_pair(r)[0]),
    ("backblaze:B2_APPLICATION_KEY_ID", lambda r: v.unforeseen_backblaze_pair(r)[0]),
    ("exoscale:EXOSCALE_API_KEY", lambda r: v.unforeseen_exoscale_pair(r)[0]),
    ("headscale:oidc.client_id", lambda r: v.unforeseen_uuid(r)),
    ("kyverno:admissionController.replicas", lambda r: str(r.randrange(1, 4))),
    ("krakend:jose.signer.alg", lambda r: v.pick(r, "HS256", "EdDSA")),
    ("n8n:N8N_BASIC_AUTH_ACTIVE", lambda r: v.pick(r, "true", "false")),
    ("headscale:noise.private_key_path", lambda r: "/var/lib/headscale/noise_private.key"),
]  # fmt: skip


# The unguessed split's vendors in the gateway's requests: (key generator, label, header, scheme, (host, path)).
_UNGUESSED_VENDORS: tuple[tuple[v.Gen, str, str, str, tuple[str, str]], ...] = (
    (v.openai_project, "openai_project_key", "authorization", "Bearer ", ("api.openai.com", "/v1/chat/completions")),
    (v.anthropic, "anthropic_api_key", "x-api-key", "", ("api.anthropic.com", "/v1/messages")),
    (v.deepseek, "deepseek_api_key", "authorization", "Bearer ", ("api.deepseek.com", "/chat/completions")),
    (v.gcp_token, "gcp_oauth_token", "authorization", "Bearer ",
     ("generativelanguage.googleapis.com", "/v1beta/models/gemini-2.0-flash:generateContent")),
    (v.unguessed_retell_key, "bearer_token", "authorization", "Bearer ", ("api.retellai.com", "/v2/create-phone-call")),
    (v.unguessed_soniox_key, "bearer_token", "authorization", "Bearer ", ("api.soniox.com", "/v1/transcriptions")),
    (v.unguessed_lmnt_key, "generic_secret", "x-api-key", "", ("api.lmnt.com", "/v1/ai/speech/bytes")),
    (v.unguessed_murf_key, "generic_secret", "api-key", "", ("api.murf.ai", "/v1/speech/generate")),
    (v.unguessed_hedra_key, "generic_secret", "x-api-key", "", ("api.hedra.com", "/web-app/public/generations")),
    (v.unguessed_meshy_key, "bearer_token", "authorization", "Bearer ", ("api.meshy.ai", "/openapi/v2/text-to-3d")),
    (v.unguessed_recraft_key, "bearer_token", "authorization", "Bearer ",
     ("external.api.recraft.ai", "/v1/images/generations")),
    (v.unguessed_kling_jwt, "jwt", "authorization", "Bearer ", ("api-singapore.klingai.com", "/v1/videos/text2video")),
    (v.unguessed_mindee_key, "generic_secret", "authorization", "Token ",
     ("api.mindee.net", "/v1/products/mindee/invoices/v4/predict")),
)  # fmt: skip
# The headers that carry a key in this split's requests (what a Yaak export replaces by a template).
_UNGUESSED_KEY_HEADERS = frozenset({"authorization", "x-api-key", "api-key"})


def _unguessed_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path of a request whose vendor was not drawn by ``_unguessed_vendor``: the shared vendors' masked
    keys go to OpenAI, and a request with no key to the in-house support bot behind the egress proxy."""
    auth = {k.lower(): val for k, val in head.items()}.get("authorization", "")
    if auth:
        return _llm_endpoint({k.lower(): val for k, val in head.items()})
    return "assist.ferry-ax.internal", "/api/v1/chat"


def _unguessed_markup(shape: int, system: str, user: str, answer: str) -> str:
    """LLaVA-1.5's ``USER: <image>``/``ASSISTANT:``, LFM2's ``<|startoftext|>`` and ChatML turns, DeepSeek Coder's
    ``### Instruction:``/``### Response:`` with ``<|EOT|>``, StarCoder2-Instruct's ``### Instruction``/``### Response``
    (no colons), SmolLM3's ChatML with its ``## Metadata`` system block and an empty ``<think>``, or Synthia's
    ``SYSTEM:``/``USER:``/``ASSISTANT:`` lines; ending with the assistant's marker when there is no answer yet (a
    prompt)."""
    if shape == 0:
        return f"{system} USER: <image>\n{user} ASSISTANT:" + (f" {answer}</s>" if answer else "")
    if shape == 1:
        head = (
            f"<|startoftext|><|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\n{user}<|im_end|>\n"
            "<|im_start|>assistant\n"
        )
        return head + (f"{answer}<|im_end|>" if answer else "")
    if shape == 2:
        return f"{system}\n### Instruction:\n{user}\n### Response:\n" + (f"{answer}\n<|EOT|>" if answer else "")
    if shape == 3:
        return f"<|endoftext|>{system}\n\n### Instruction\n{user}\n\n### Response\n" + (
            f"{answer}<|endoftext|>" if answer else ""
        )
    if shape == 4:
        head = (
            "<|im_start|>system\n## Metadata\n\nKnowledge Cutoff Date: June 2025\nToday Date: 22 January 2026\n"
            f"Reasoning Mode: /no_think\n\n## Custom Instructions\n\n{system}\n\n<|im_start|>user\n{user}<|im_end|>\n"
            "<|im_start|>assistant\n"
        )
        return head + (f"<think>\n\n</think>\n{answer}<|im_end|>" if answer else "")
    return f"SYSTEM: {system}\nUSER: {user}\nASSISTANT:" + (f" {answer}" if answer else "")


def _ovms_log(r: random.Random, lang: str, user: str) -> str:
    """OpenVINO Model Server's debug line with the prompt its LLM calculator rendered from the chat template, in LFM2,
    DeepSeek Coder, SmolLM3 or Synthia markup."""
    prompt = _unguessed_markup(r.choice((1, 2, 4, 5)), chat.SYSTEM_PROMPTS[lang], user, "")
    when = f"2026-01-{r.randrange(10, 28)} {contexts._ugs_clock(r)}.{r.randrange(0, 1000):03d}"
    return (
        f"[{when}][{r.randrange(100, 999)}][llm_executor][debug][servable.cpp:{r.randrange(100, 400)}] "
        f"request {v.rand(r, v.HEX, 8)} input prompt: {prompt!r}"
    )


# Keys users paste into a chat, with their vendor's label.
UNGUESSED_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.openai_project, "openai_project_key"),
    (v.anthropic, "anthropic_api_key"),
    (v.slack_token, "slack_token"),
    (lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
    (lambda r: f"SG.{v.rand(r, v.ALNUM + '_-', 22)}.{v.rand(r, v.ALNUM + '_-', 43)}", "sendgrid_api_key"),
    (lambda r: "npm_" + v.rand(r, v.ALNUM, 36), "npm_token"),
    (lambda r: "shpat_" + v.rand(r, v.HEX, 32), "shopify_token"),
    (v.stripe_key, "stripe_key"),
]


# The unguessed split's key-value rows: secrets under names no other split uses (Forgejo's secret key and JWT secret,
# PostgREST's JWT secret, EMQX's dashboard password, Kanidm's OAuth2 client secret, Promtail's Loki password,
# Stalwart's fallback admin secret, coturn's static auth secret, Traccar's database password, OpenBao's unseal key and
# root token, Paperless-ngx's secret key, Inngest's signing key, Valkey's ``requirepass``, and the keys of vendors with
# no detector of their own: Retell, Soniox, LMNT, Murf, Hedra, Meshy, Recraft, Kling, Mindee, Veryfi, Uploadcare,
# ImageKit, Klaviyo, Iterable, SparkPost, Mailjet, Mandrill, Nylas, Strava, Dropbox, Trello, Reloadly, DingConnect,
# GatewayAPI, Dyte and CometChat), vendor values under theirs (their vendor's label), and harmless settings with
# secret-sounding names (``%{env:...}%`` and ``_FILE`` references, public keys, access keys and client ids whose
# secrets are elsewhere, flags).
_UNGUESSED_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("forgejo:security.SECRET_KEY", lambda r: v.rand(r, v.ALNUM, 64)),
    ("forgejo:oauth2.JWT_SECRET", lambda r: v.b64url(r.randbytes(32))),
    ("postgrest:jwt-secret", lambda r: v.rand(r, v.ALNUM, 40)),
    ("emqx:dashboard.default_password", v.unguessed_password),
    ("kanidm:oauth2.ferry-portal.basic_secret", lambda r: v.rand(r, v.ALNUM, 48)),
    ("promtail:clients[0].basic_auth.password", v.unguessed_password),
    ("stalwart:authentication.fallback-admin.secret", v.unguessed_password),
    ("coturn:static-auth-secret", lambda r: v.rand(r, v.HEX, 64)),
    ("traccar:database.password", v.unguessed_password),
    ("openbao:unseal_key_1", lambda r: v.b64(r.randbytes(33))),
    ("openbao:root_token", lambda r: "s." + v.rand(r, v.ALNUM, 24)),
    ("paperless:PAPERLESS_SECRET_KEY", lambda r: v.rand(r, v.ALNUM + "!#%&*-_", 50)),
    ("inngest:INNGEST_SIGNING_KEY", lambda r: "signkey-prod-" + v.rand(r, v.HEX, 64)),
    ("valkey:requirepass", v.unguessed_password),
    ("retell:RETELL_API_KEY", v.unguessed_retell_key),
    ("soniox:SONIOX_API_KEY", v.unguessed_soniox_key),
    ("lmnt:LMNT_API_KEY", v.unguessed_lmnt_key),
    ("murf:MURF_API_KEY", v.unguessed_murf_key),
    ("hedra:HEDRA_API_KEY", v.unguessed_hedra_key),
    ("meshy:MESHY_API_KEY", v.unguessed_meshy_key),
    ("recraft:RECRAFT_API_TOKEN", v.unguessed_recraft_key),
    ("kling:KLING_SECRET_KEY", lambda r: v.unguessed_kling_pair(r)[1]),
    ("mindee:MINDEE_API_KEY", v.unguessed_mindee_key),
    ("veryfi:VERYFI_API_KEY", lambda r: v.unguessed_veryfi_pair(r)[2]),
    ("uploadcare:UPLOADCARE_SECRET_KEY", lambda r: v.unguessed_uploadcare_pair(r)[1]),
    ("imagekit:IMAGEKIT_PRIVATE_KEY", lambda r: v.unguessed_imagekit_pair(r)[1]),
    ("klaviyo:KLAVIYO_PRIVATE_KEY", lambda r: v.unguessed_klaviyo_pair(r)[1]),
    ("iterable:ITERABLE_API_KEY", v.unguessed_iterable_key),
    ("sparkpost:SPARKPOST_API_KEY", v.unguessed_sparkpost_key),
    ("mailjet:MJ_APIKEY_PRIVATE", lambda r: v.unguessed_mailjet_pair(r)[1]),
    ("mandrill:MANDRILL_API_KEY", v.unguessed_mandrill_key),
    ("nylas:NYLAS_API_KEY", v.unguessed_nylas_key),
    ("strava:STRAVA_CLIENT_SECRET", v.unguessed_strava_token),
    ("dropbox:DROPBOX_APP_SECRET", lambda r: v.rand(r, string.ascii_lowercase + string.digits, 15)),
    ("trello:TRELLO_TOKEN", lambda r: v.unguessed_trello_pair(r)[1]),
    ("reloadly:RELOADLY_CLIENT_SECRET", v.unguessed_reloadly_secret),
    ("ding:DING_API_KEY", v.unguessed_ding_key),
    ("gatewayapi:GATEWAYAPI_TOKEN", v.unguessed_gatewayapi_token),
    ("dyte:DYTE_API_KEY", lambda r: v.unguessed_dyte_pair(r)[1]),
    ("cometchat:COMETCHAT_REST_API_KEY", v.unguessed_cometchat_key),
]
_UNGUESSED_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("paperless:PAPERLESS_AI_LLM_API_KEY", v.openai_project, "openai_project_key"),
    ("inngest:ANTHROPIC_API_KEY", v.anthropic, "anthropic_api_key"),
    ("promtail:clients[0].s3.secret_access_key", v.aws_secret, "aws_secret_access_key"),
    ("promtail:clients[0].s3.access_key_id", v.aws_key_id, "aws_access_key_id"),
    ("forgejo:mirror.github.token", lambda r: v.github_token(r, "ghp"), "github_classic_token"),
    ("postgrest:db-uri",
     lambda r: f"postgres://authenticator:{urllib.parse.quote(v.unguessed_password(r), safe='')}@pg:5432/ferry",
     "url_credentials"),
    ("stalwart:alerts.slack.webhook",
     lambda r: (f"https://hooks.slack.com/services/T{v.rand(r, v.UPPER, 10)}/B{v.rand(r, v.UPPER, 10)}/"
                f"{v.rand(r, v.ALNUM, 24)}"),
     "slack_webhook"),
    ("kanidm:oauth2.ferry-portal.access_token", v.unguessed_kanidm_jwt, "jwt"),
]  # fmt: skip
_UNGUESSED_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("forgejo:security.INSTALL_LOCK", lambda r: "true"),
    ("forgejo:security.SECRET_KEY_URI", lambda r: "file:/run/secrets/forgejo_secret_key"),
    ("postgrest:jwt-secret-is-base64", lambda r: "false"),
    ("postgrest:db-anon-role", lambda r: "web_anon"),
    ("emqx:dashboard.default_username", lambda r: "admin"),
    ("kanidm:origin", lambda r: "https://idm.ferry.ax"),
    ("promtail:clients[0].basic_auth.password_file", lambda r: "/etc/promtail/loki_password"),
    ("stalwart:authentication.fallback-admin.secret:ref", lambda r: "%{env:STALWART_ADMIN_SECRET}%"),
    ("coturn:use-auth-secret", lambda r: "true"),
    ("traccar:database.user", lambda r: "traccar"),
    ("openbao:seal.transit.key_name", lambda r: "autounseal"),
    ("paperless:PAPERLESS_SECRET_KEY_FILE", lambda r: "/run/secrets/paperless_secret_key"),
    ("valkey:maxmemory-policy", lambda r: "allkeys-lru"),
    ("kling:KLING_ACCESS_KEY", lambda r: v.unguessed_kling_pair(r)[0]),
    ("uploadcare:UPLOADCARE_PUBLIC_KEY", lambda r: v.unguessed_uploadcare_pair(r)[0]),
    ("imagekit:IMAGEKIT_PUBLIC_KEY", lambda r: v.unguessed_imagekit_pair(r)[0]),
    ("klaviyo:KLAVIYO_PUBLIC_KEY", lambda r: v.unguessed_klaviyo_pair(r)[0]),
    ("trello:TRELLO_API_KEY", lambda r: v.unguessed_trello_pair(r)[0]),
    ("veryfi:VERYFI_CLIENT_ID", lambda r: v.unguessed_veryfi_pair(r)[0]),
    ("dyte:DYTE_ORG_ID", lambda r: v.unguessed_dyte_pair(r)[0]),
    ("retell:RETELL_AGENT_ID", lambda r: "agent_" + v.rand(r, v.HEX, 24)),
    ("mailjet:MJ_APIKEY_PUBLIC:hint", lambda r: "see OpenBao kv/ferry/mailjet"),
]


# The unannounced split's vendors in the gateway's requests: (key generator, label, header, scheme, (host, path)).
_UNANNOUNCED_VENDORS: tuple[tuple[v.Gen, str, str, str, tuple[str, str]], ...] = (
    (v.openai_project, "openai_project_key", "authorization", "Bearer ", ("api.openai.com", "/v1/chat/completions")),
    (v.anthropic, "anthropic_api_key", "x-api-key", "", ("api.anthropic.com", "/v1/messages")),
    (v.deepseek, "deepseek_api_key", "authorization", "Bearer ", ("api.deepseek.com", "/chat/completions")),
    (v.gcp_token, "gcp_oauth_token", "authorization", "Bearer ",
     ("generativelanguage.googleapis.com", "/v1beta/models/gemini-2.0-flash:generateContent")),
    (v.unannounced_yelp_key, "bearer_token", "authorization", "Bearer ", ("api.yelp.com", "/v3/businesses/search")),
    (lambda r: v.unannounced_paystack_pair(r)[1], "bearer_token", "authorization", "Bearer ",
     ("api.paystack.co", "/transaction/initialize")),
    (v.unannounced_virustotal_key, "generic_secret", "x-apikey", "", ("www.virustotal.com", "/api/v3/urls")),
    (v.unannounced_newsapi_key, "generic_secret", "x-api-key", "", ("newsapi.org", "/v2/everything")),
    (v.unannounced_riot_key, "generic_secret", "x-riot-token", "",
     ("europe.api.riotgames.com", "/riot/account/v1/accounts/me")),
    (v.unannounced_tiingo_token, "generic_secret", "authorization", "Token ", ("api.tiingo.com", "/tiingo/daily/rcl")),
    (v.unannounced_foursquare_key, "generic_secret", "authorization", "",
     ("places-api.foursquare.com", "/places/search")),
    (v.unannounced_stormglass_key, "generic_secret", "authorization", "", ("api.stormglass.io", "/v2/weather/point")),
    (v.unannounced_moralis_key, "jwt", "x-api-key", "", ("deep-index.moralis.io", "/api/v2.2/wallets/balances")),
)  # fmt: skip


def _unannounced_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path of a request whose vendor was not drawn by ``_unannounced_vendor``: the shared vendors' masked
    keys go to OpenAI, and a request with no key to the in-house dockhand bot behind the egress proxy."""
    lower = {k.lower(): val for k, val in head.items()}
    if lower.get("authorization", ""):
        return _llm_endpoint(lower)
    return "dockhand.studio.internal", "/api/v1/chat"


def _unannounced_markup(shape: int, system: str, user: str, answer: str) -> str:
    """KARAKURI LM's Llama 2 prompt with its ``[ATTR]`` block of attribute values, NexusRaven-V2's ``Function:``
    definitions and ``User Query:`` with ``<human_end>`` (the answer a ``Call:``), Otter's ``<image>User: ...
    GPT:<answer>`` with ``<|endofchunk|>``, mPLUG-Owl's ``Human: <image>``/``AI:`` lines, LongCat-Flash's ``SYSTEM:``
    and ``[Round 0] USER:``/``ASSISTANT:`` with ``</longcat_s>``, or MiniGPT-4's ``###Human: <Img><ImageHere></Img>``/
    ``###Assistant:``; ending with the assistant's marker when there is no answer yet (a prompt)."""
    if shape == 0:
        attrs = (
            "helpfulness: 4 correctness: 4 coherence: 4 complexity: 1 verbosity: 2 quality: 4 toxicity: 0 humor: 0 "
            "creativity: 0"
        )
        head = f"<s>[INST] <<SYS>>\n{system}\n<</SYS>>\n\n{user} [ATTR] {attrs} [/ATTR] [/INST]"
        return head + (f" {answer} </s>" if answer else "")
    if shape == 1:
        head = (
            f'Function:\ndef answer_customer(message):\n    """\n    {system}\n\n    Args:\n    message (str): '
            f'The reply to send.\n    """\n\nUser Query: {user}<human_end>'
        )
        return head + (
            f"\nCall: answer_customer(message={json.dumps(answer, ensure_ascii=False)})<bot_end>" if answer else ""
        )
    if shape == 2:
        return f"<image>User: {user} GPT:<answer>" + (f" {answer}<|endofchunk|>" if answer else "")
    if shape == 3:
        return f"{system}\nHuman: <image>\nHuman: {user}\nAI: " + answer
    if shape == 4:
        return f"SYSTEM:{system} [Round 0] USER:{user} ASSISTANT:" + (f"{answer}</longcat_s>" if answer else "")
    return f"{system}###Human: <Img><ImageHere></Img> {user}###Assistant: " + answer


def _swift_log(r: random.Random, lang: str, user: str) -> str:
    """ms-swift's deploy server's log line with the prompt its template rendered, in KARAKURI LM, mPLUG-Owl,
    LongCat-Flash or MiniGPT-4 markup."""
    prompt = _unannounced_markup(r.choice((0, 3, 4, 5)), chat.SYSTEM_PROMPTS[lang], user, "")
    return (
        f"[INFO:swift] request_id: chatcmpl-{v.rand(r, v.HEX, 32)}, prompt: {prompt!r}, generation_config: "
        f"GenerationConfig(max_new_tokens=512, temperature=0.{r.randrange(1, 9)})"
    )


# Keys users paste into a chat, with their vendor's label.
UNANNOUNCED_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.openai_project, "openai_project_key"),
    (v.anthropic, "anthropic_api_key"),
    (v.deepseek, "deepseek_api_key"),
    (lambda r: v.github_token(r, "ghp"), "github_classic_token"),
    (lambda r: "glpat-" + v.rand(r, v.ALNUM + "_-", 20), "gitlab_token"),
    (lambda r: "dop_v1_" + v.rand(r, v.HEX, 64), "digitalocean_token"),
    (lambda r: f"{r.randrange(10**9, 8 * 10**9)}:AA{v.rand(r, v.ALNUM + '_-', 33)}", "telegram_bot_token"),
    (lambda r: "pypi-AgEIcHlwaS5vcmc" + v.rand(r, v.ALNUM + "_-", 84), "pypi_token"),
]


# The unannounced split's key-value rows: secrets under names no other split uses, written as the tool's file and
# path (GoTrue's JWT secret and SMTP password, Outline's secret key and utils secret, NetBird's data store encryption
# key and TURN secret, Syncthing's GUI API key, Zigbee2MQTT's network key and MQTT password, Frigate's MQTT password,
# ntfy's web push private key, Vikunja's service secret, Wiki.js' database password, Concourse's database password and
# OIDC client secret, Backstage's backend auth key, and the keys of vendors with no detector of their own: Paystack,
# Binance, Polygon.io, Finnhub, OpenWeatherMap, NewsAPI, Spotify, Twitch, Ably, PubNub, ShipStation, Kaggle, ZeroTier,
# Etherscan, Blockfrost, CoinGecko, CoinMarketCap, Tiingo, Alpha Vantage, Fixer, ipinfo, AbuseIPDB, VirusTotal, Shodan,
# Censys, urlscan.io, HIBP, Hunter, Last.fm, Discogs, TMDB, Steam, Riot, PlayFab, Geoapify, OpenCage, LocationIQ,
# Radar, Foursquare, Yelp, Smarty, MSG91, Stormglass and Windy), vendor values under theirs (their vendor's label), and
# harmless settings with secret-sounding names (Frigate ``{FRIGATE_...}``, Wiki.js ``$(...)``, Concourse ``((...))``,
# Backstage ``${...}`` and Zigbee2MQTT ``!secret`` references, ``_FILE`` paths, public keys, client ids, title ids and
# key names whose secrets are elsewhere, documented example keys, flags).
_UNANNOUNCED_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("supabase-auth/.env#GOTRUE_JWT_SECRET", lambda r: v.rand(r, v.ALNUM, 40)),
    ("supabase-auth/.env#GOTRUE_SMTP_PASS", v.unannounced_password),
    ("outline/.env#SECRET_KEY", lambda r: v.rand(r, v.HEX, 64)),
    ("outline/.env#UTILS_SECRET", lambda r: v.rand(r, v.HEX, 64)),
    ("netbird/management.json#DataStoreEncryptionKey", lambda r: v.b64(r.randbytes(32))),
    ("netbird/management.json#TURNConfig.Secret", lambda r: v.rand(r, v.ALNUM, 32)),
    ("syncthing/config.xml#gui.apikey", lambda r: v.rand(r, v.ALNUM, 32)),
    ("zigbee2mqtt/configuration.yaml#advanced.network_key",
     lambda r: "[" + ", ".join(str(r.randrange(0, 256)) for _ in range(16)) + "]"),
    ("zigbee2mqtt/configuration.yaml#mqtt.password", v.unannounced_password),
    ("frigate/.env#FRIGATE_MQTT_PASSWORD", v.unannounced_password),
    ("ntfy/server.yml#web-push-private-key", lambda r: v.b64url(r.randbytes(32))),
    ("vikunja/config.yml#service.secret", lambda r: v.rand(r, v.ALNUM, 32)),
    ("wikijs/config.yml#db.pass", v.unannounced_password),
    ("concourse/web.env#CONCOURSE_POSTGRES_PASSWORD", v.unannounced_password),
    ("concourse/web.env#CONCOURSE_OIDC_CLIENT_SECRET", lambda r: v.rand(r, v.ALNUM, 32)),
    ("backstage/app-config.yaml#backend.auth.keys[0].secret", lambda r: v.b64(r.randbytes(24))),
    ("paystack/PAYSTACK_SECRET_KEY", lambda r: v.unannounced_paystack_pair(r)[1]),
    ("binance/BINANCE_API_SECRET", lambda r: v.unannounced_binance_pair(r)[1]),
    ("polygon/POLYGON_API_KEY", v.unannounced_polygon_key),
    ("finnhub/FINNHUB_TOKEN", v.unannounced_finnhub_token),
    ("openweathermap/OWM_APPID", v.unannounced_owm_key),
    ("newsapi/NEWSAPI_KEY", v.unannounced_newsapi_key),
    ("spotify/SPOTIFY_CLIENT_SECRET", lambda r: v.unannounced_spotify_pair(r)[1]),
    ("twitch/TWITCH_ACCESS_TOKEN", lambda r: v.unannounced_twitch_pair(r)[1]),
    ("ably/ABLY_API_KEY", v.unannounced_ably_key),
    ("pubnub/PUBNUB_SECRET_KEY", lambda r: v.unannounced_pubnub_keys(r)[2]),
    ("shipstation/SHIPSTATION_API_SECRET", lambda r: v.unannounced_shipstation_pair(r)[1]),
    ("kaggle/KAGGLE_KEY", v.unannounced_kaggle_key),
    ("zerotier/ZT_CENTRAL_TOKEN", v.unannounced_zerotier_token),
    ("etherscan/ETHERSCAN_API_KEY", v.unannounced_etherscan_key),
    ("blockfrost/BLOCKFROST_PROJECT_ID", v.unannounced_blockfrost_id),
    ("coingecko/COINGECKO_PRO_API_KEY", v.unannounced_coingecko_key),
    ("coinmarketcap/CMC_PRO_API_KEY", v.unannounced_cmc_key),
    ("tiingo/TIINGO_API_TOKEN", v.unannounced_tiingo_token),
    ("alphavantage/ALPHAVANTAGE_API_KEY", v.unannounced_alphavantage_key),
    ("fixer/FIXER_ACCESS_KEY", v.unannounced_fixer_key),
    ("ipinfo/IPINFO_TOKEN", v.unannounced_ipinfo_token),
    ("abuseipdb/ABUSEIPDB_KEY", v.unannounced_abuseipdb_key),
    ("virustotal/VT_API_KEY", v.unannounced_virustotal_key),
    ("shodan/SHODAN_API_KEY", v.unannounced_shodan_key),
    ("censys/CENSYS_API_SECRET", lambda r: v.unannounced_censys_pair(r)[1]),
    ("urlscan/URLSCAN_API_KEY", v.unannounced_urlscan_key),
    ("hibp/HIBP_API_KEY", v.unannounced_hibp_key),
    ("hunter/HUNTER_API_KEY", v.unannounced_hunter_key),
    ("lastfm/LASTFM_SHARED_SECRET", lambda r: v.unannounced_lastfm_pair(r)[1]),
    ("discogs/DISCOGS_TOKEN", v.unannounced_discogs_token),
    ("tmdb/TMDB_API_KEY", v.unannounced_tmdb_key),
    ("steam/STEAM_WEB_API_KEY", v.unannounced_steam_key),
    ("riot/RIOT_API_KEY", v.unannounced_riot_key),
    ("playfab/PLAYFAB_SECRET_KEY", lambda r: v.unannounced_playfab_pair(r)[1]),
    ("geoapify/GEOAPIFY_KEY", v.unannounced_geoapify_key),
    ("opencage/OPENCAGE_KEY", v.unannounced_opencage_key),
    ("locationiq/LOCATIONIQ_TOKEN", v.unannounced_locationiq_key),
    ("radar/RADAR_SECRET_KEY", lambda r: v.unannounced_radar_pair(r)[1]),
    ("foursquare/FSQ_API_KEY", v.unannounced_foursquare_key),
    ("yelp/YELP_API_KEY", v.unannounced_yelp_key),
    ("smarty/SMARTY_AUTH_TOKEN", lambda r: v.unannounced_smarty_pair(r)[1]),
    ("msg91/MSG91_AUTHKEY", v.unannounced_msg91_key),
    ("stormglass/STORMGLASS_KEY", v.unannounced_stormglass_key),
    ("windy/WINDY_POINT_FORECAST_KEY", v.unannounced_windy_key),
]  # fmt: skip
_UNANNOUNCED_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("outline/.env#OPENAI_API_KEY", v.openai_project, "openai_project_key"),
    ("vikunja/config.yml#ai.anthropic_key", v.anthropic, "anthropic_api_key"),
    ("wikijs/config.yml#storage.s3.secretAccessKey", v.aws_secret, "aws_secret_access_key"),
    ("backstage/app-config.yaml#integrations.github[0].token", lambda r: v.github_token(r, "ghp"),
     "github_classic_token"),
    ("frigate/config.yml#cameras.pontoon_b.ffmpeg.inputs[0].path",
     lambda r: f"rtsp://viewer:{urllib.parse.quote(v.unannounced_password(r), safe='')}@cam-pontoon-b.lan:554/stream1",
     "url_credentials"),
    ("concourse/vars.yml#slack_webhook",
     lambda r: (f"https://hooks.slack.com/services/T{v.rand(r, v.UPPER, 10)}/B{v.rand(r, v.UPPER, 10)}/"
                f"{v.rand(r, v.ALNUM, 24)}"),
     "slack_webhook"),
    ("game/.env#UNITY_PLAYER_TOKEN", v.unannounced_unity_jwt, "jwt"),
    ("donors/.env#SENDGRID_API_KEY", lambda r: f"SG.{v.rand(r, v.ALNUM + '_-', 22)}.{v.rand(r, v.ALNUM + '_-', 43)}",
     "sendgrid_api_key"),
]  # fmt: skip
_UNANNOUNCED_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("supabase-auth/.env#GOTRUE_JWT_EXP", lambda r: "3600"),
    ("supabase-auth/.env#GOTRUE_SITE_URL", lambda r: "https://donate.bloodbank.example"),
    ("outline/.env#SECRET_KEY_FILE", lambda r: "/run/secrets/outline_secret_key"),
    ("syncthing/config.xml#gui.user", lambda r: "dockmaster"),
    ("zigbee2mqtt/configuration.yaml#mqtt.password:ref", lambda r: "!secret mqtt_password"),
    ("frigate/config.yml#mqtt.password", lambda r: "{FRIGATE_MQTT_PASSWORD}"),
    ("ntfy/server.yml#web-push-public-key", lambda r: v.b64url(b"\x04" + r.randbytes(64))),
    ("vikunja/config.yml#service.jwtttl", lambda r: "259200"),
    ("wikijs/config.yml#db.pass:ref", lambda r: "$(DB_PASS)"),
    ("concourse/web.env#CONCOURSE_POSTGRES_PASSWORD:ref", lambda r: "((postgres.password))"),
    ("backstage/app-config.yaml#backend.auth.keys[0].secret:ref", lambda r: "${BACKEND_SECRET}"),
    ("paystack/PAYSTACK_PUBLIC_KEY", lambda r: v.unannounced_paystack_pair(r)[0]),
    ("radar/RADAR_PUBLISHABLE_KEY", lambda r: v.unannounced_radar_pair(r)[0]),
    ("pubnub/PUBNUB_PUBLISH_KEY", lambda r: v.unannounced_pubnub_keys(r)[0]),
    ("pubnub/PUBNUB_SUBSCRIBE_KEY", lambda r: v.unannounced_pubnub_keys(r)[1]),
    ("twitch/TWITCH_CLIENT_ID", lambda r: v.unannounced_twitch_pair(r)[0]),
    ("spotify/SPOTIFY_CLIENT_ID", lambda r: v.unannounced_spotify_pair(r)[0]),
    ("lastfm/LASTFM_API_KEY", lambda r: v.unannounced_lastfm_pair(r)[0]),
    ("playfab/PLAYFAB_TITLE_ID", lambda r: v.unannounced_playfab_pair(r)[0]),
    ("ably/ABLY_KEY_NAME", lambda r: v.unannounced_ably_key(r).split(":")[0]),
    ("censys/CENSYS_API_ID", lambda r: v.unannounced_censys_pair(r)[0]),
    ("etherscan/ETHERSCAN_API_KEY:example", lambda r: "YourApiKeyToken"),
    ("alphavantage/ALPHAVANTAGE_API_KEY:example", lambda r: "demo"),
    ("steam/STEAM_APP_ID", lambda r: v.unannounced_digits(r, 7)),
]


# The unbeknown split's vendors in the gateway's requests: (key generator, label, header, scheme, (host, path)).
_UNBEKNOWN_VENDORS: tuple[tuple[v.Gen, str, str, str, tuple[str, str]], ...] = (
    (v.openai_project, "openai_project_key", "authorization", "Bearer ", ("api.openai.com", "/v1/chat/completions")),
    (v.anthropic, "anthropic_api_key", "x-api-key", "", ("api.anthropic.com", "/v1/messages")),
    (v.deepseek, "deepseek_api_key", "authorization", "Bearer ", ("api.deepseek.com", "/chat/completions")),
    (v.gcp_token, "gcp_oauth_token", "authorization", "Bearer ",
     ("generativelanguage.googleapis.com", "/v1beta/models/gemini-2.0-flash:generateContent")),
    (v.unbeknown_duffel_token, "bearer_token", "authorization", "Bearer ", ("api.duffel.com", "/air/offer_requests")),
    (v.unbeknown_printful_token, "bearer_token", "authorization", "Bearer ", ("api.printful.com", "/orders")),
    (v.unbeknown_tequila_key, "generic_secret", "apikey", "", ("api.tequila.kiwi.com", "/v2/search")),
    (v.unbeknown_aeroapi_key, "generic_secret", "x-apikey", "",
     ("aeroapi.flightaware.com", "/aeroapi/flights/SAS4424")),
    (v.unbeknown_travelpayouts_token, "generic_secret", "x-access-token", "",
     ("api.travelpayouts.com", "/aviasales/v3/prices_for_dates")),
    (v.unbeknown_talon_key, "generic_secret", "authorization", "ApiKey-v1 ",
     ("lyb.europe-west1.talon.one", "/v2/customer_sessions/lyb-checkout")),
    (v.unbeknown_pushbullet_token, "generic_secret", "access-token", "", ("api.pushbullet.com", "/v2/pushes")),
    (v.unbeknown_ocm_key, "generic_secret", "x-api-key", "", ("api.openchargemap.io", "/v3/poi")),
    (v.unbeknown_hasura_jwt, "jwt", "authorization", "Bearer ", ("hasura.lyb-expeditions.example", "/v1/graphql")),
    (v.unbeknown_cube_jwt, "jwt", "authorization", "", ("cube.lyb-expeditions.example", "/cubejs-api/v1/load")),
)  # fmt: skip


def _unbeknown_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path of a request whose vendor was not drawn by ``_unbeknown_vendor``: the shared vendors' masked
    keys go to OpenAI, and a request with no key to the in-house trip planner behind the egress sidecar."""
    lower = {k.lower(): val for k, val in head.items()}
    if lower.get("authorization", ""):
        return _llm_endpoint(lower)
    return "planner.lyb.internal", "/api/v1/chat"


def _unbeknown_markup(shape: int, system: str, user: str, answer: str) -> str:
    """GPT-SW3's instruct format (``<|endoftext|><s>`` then ``User:``/``Bot:`` blocks split by ``<s>``), DialoGPT's
    turns joined by ``<|endoftext|>``, Qwen-VL-Chat's ChatML with ``Picture 1: <img>...</img>`` before the question,
    Qwen2-Audio's ChatML with ``Audio 1: <|audio_bos|><|AUDIO|><|audio_eos|>``, Granite Code's ``System:``/
    ``Question:``/``Answer:`` blocks or BitNet b1.58's ``User:``/``Assistant:`` turns closed by ``<|eot_id|>``; ending
    with the assistant's marker when there is no answer yet (a prompt)."""
    if shape == 0:
        head = f"<|endoftext|><s>\nUser:\n{user}\n<s>\nBot:\n"
        return head + (f"{answer}\n<s>" if answer else "")
    if shape == 1:
        return f"{user}<|endoftext|>" + (f"{answer}<|endoftext|>" if answer else "")
    if shape == 2:
        head = (
            f"<|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\nPicture 1: <img>uploads/glacier_front.jpg</img>"
            f"\n{user}<|im_end|>\n<|im_start|>assistant\n"
        )
        return head + (f"{answer}<|im_end|>" if answer else "")
    if shape == 3:
        head = (
            f"<|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\nAudio 1: <|audio_bos|><|AUDIO|><|audio_eos|>\n"
            f"{user}<|im_end|>\n<|im_start|>assistant\n"
        )
        return head + (f"{answer}<|im_end|>" if answer else "")
    if shape == 4:
        return f"System:\n{system}\n\nQuestion:\n{user}\n\nAnswer:\n" + answer
    head = f"<|begin_of_text|>System: {system}<|eot_id|>User: {user}<|eot_id|>Assistant: "
    return head + (f"{answer}<|eot_id|>" if answer else "")


def _openllm_log(r: random.Random, lang: str, user: str) -> str:
    """OpenLLM's (BentoML's) debug line with the prompt its template rendered, in GPT-SW3, Qwen-VL, Qwen2-Audio, Granite
    Code or BitNet markup."""
    prompt = _unbeknown_markup(r.choice((0, 2, 3, 4, 5)), chat.SYSTEM_PROMPTS[lang], user, "")
    return (
        f"2026-01-{r.randrange(10, 28)}T{contexts._ubk_clock(r)}+0000 [DEBUG] [entry_service:openllm:1] prompt "
        f"rendered: {prompt!r} (request_id={v.rand(r, v.HEX, 16)}, max_tokens={r.randrange(128, 1024)})"
    )


# Keys users paste into a chat, with their vendor's label.
UNBEKNOWN_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.openai_legacy, "openai_legacy_key"),
    (v.anthropic, "anthropic_api_key"),
    (lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
    (lambda r: "npm_" + v.rand(r, v.ALNUM, 36), "npm_token"),
    (lambda r: f"SG.{v.rand(r, v.ALNUM + '_-', 22)}.{v.rand(r, v.ALNUM + '_-', 43)}", "sendgrid_api_key"),
    (v.slack_token, "slack_token"),
    (lambda r: "shpat_" + v.rand(r, v.HEX, 32), "shopify_token"),
    (lambda r: f"github_pat_{v.rand(r, v.ALNUM, 22)}_{v.rand(r, v.ALNUM, 59)}", "github_fine_grained_token"),
]


# The unbeknown split's key-value rows: secrets under names no other split uses, written as the tool's file and path
# (Netdata's claim token and stream API key, Gatus' Pushover token, Rspamd's controller passwords, SearXNG's secret key,
# Kavita's token key, Jellyseerr's API key, Mealie's SMTP password and OIDC secret, FreshRSS' salt, ZoneMinder's
# database password and auth hash secret, Gotify's default user's password, Calibre-Web's mail password, and the keys of
# vendors with no detector of their own: Duffel, Kiwi.com Tequila, Travelpayouts, FlightAware, aviationstack,
# what3words, Tomorrow.io, Visual Crossing, WeatherAPI, AccuWeather, Meteomatics, Pushover, Pushbullet, Gotify,
# WooCommerce, Printful, Etsy, Jotform, Eventbrite, Helius, Mapillary, Open Charge Map, Ticketmaster, Rome2rio, Recurly,
# TrueLayer, Nordigen, Yapily, Vipps MobilePay, Bókun, FareHarbor, Rezdy, Checkfront, Cobot, Loyverse, Talon.One,
# Voucherify, Mybring, Statens vegvesen, Fiken, Tripletex, Australia Post, MYOB, eWAY, Pin Payments, Sendle, OfficeRnD
# and Nexudus), vendor values under theirs (their vendor's label), and harmless settings with secret-sounding names
# (SearXNG's documented ``ultrasecretkey`` default, Moneris' documented test token, ``_FILE`` paths and references,
# access keys, app ids, client ids and publishable keys whose secrets are elsewhere, flags).
_UNBEKNOWN_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("netdata/claim.conf#[global].token", lambda r: v.rand(r, v.ALNUM + "-_", 135)),
    ("netdata/stream.conf#[stream].api key", v.unbeknown_uuid),
    ("gatus/config.yaml#alerting.pushover.application-token", lambda r: v.unbeknown_pushover_pair(r)[0]),
    ("rspamd/local.d/worker-controller.inc#password", v.unbeknown_password),
    ("rspamd/local.d/worker-controller.inc#enable_password", v.unbeknown_password),
    ("searxng/settings.yml#server.secret_key", lambda r: v.rand(r, v.HEX, 64)),
    ("kavita/appsettings.json#TokenKey", lambda r: v.b64(r.randbytes(48))),
    ("jellyseerr/settings.json#main.apiKey", lambda r: v.b64(r.randbytes(51))),
    ("mealie/.env#SMTP_PASSWORD", v.unbeknown_password),
    ("mealie/.env#OIDC_CLIENT_SECRET", lambda r: v.rand(r, v.ALNUM, 40)),
    ("freshrss/data/config.php#salt", lambda r: v.rand(r, v.HEX, 40)),
    ("zoneminder/zm.conf#ZM_DB_PASS", v.unbeknown_password),
    ("zoneminder/Options/System#ZM_AUTH_HASH_SECRET", lambda r: v.rand(r, v.ALNUM, 24)),
    ("gotify/config.yml#defaultuser.pass", v.unbeknown_password),
    ("calibre-web/settings#mail_password", v.unbeknown_password),
    ("duffel/DUFFEL_ACCESS_TOKEN", v.unbeknown_duffel_token),
    ("kiwi/TEQUILA_API_KEY", v.unbeknown_tequila_key),
    ("travelpayouts/TP_TOKEN", v.unbeknown_travelpayouts_token),
    ("flightaware/AEROAPI_KEY", v.unbeknown_aeroapi_key),
    ("aviationstack/AVIATIONSTACK_ACCESS_KEY", v.unbeknown_aviationstack_key),
    ("what3words/W3W_API_KEY", v.unbeknown_w3w_key),
    ("tomorrow/TOMORROW_API_KEY", v.unbeknown_tomorrow_key),
    ("visualcrossing/VC_KEY", v.unbeknown_visualcrossing_key),
    ("weatherapi/WEATHERAPI_KEY", v.unbeknown_weatherapi_key),
    ("accuweather/ACCUWEATHER_API_KEY", v.unbeknown_accuweather_key),
    ("meteomatics/METEOMATICS_PASSWORD", lambda r: v.unbeknown_meteomatics_pair(r)[1]),
    ("pushbullet/PUSHBULLET_ACCESS_TOKEN", v.unbeknown_pushbullet_token),
    ("gotify/GOTIFY_APP_TOKEN", v.unbeknown_gotify_token),
    ("woocommerce/WC_CONSUMER_SECRET", lambda r: v.unbeknown_woo_pair(r)[1]),
    ("woocommerce/WC_CONSUMER_KEY", lambda r: v.unbeknown_woo_pair(r)[0]),
    ("printful/PRINTFUL_TOKEN", v.unbeknown_printful_token),
    ("etsy/ETSY_SHARED_SECRET", lambda r: v.rand(r, string.ascii_lowercase + string.digits, 10)),
    ("jotform/JOTFORM_API_KEY", v.unbeknown_jotform_key),
    ("eventbrite/EVENTBRITE_PRIVATE_TOKEN", v.unbeknown_eventbrite_token),
    ("helius/HELIUS_API_KEY", v.unbeknown_helius_key),
    ("mapillary/MAPILLARY_ACCESS_TOKEN", v.unbeknown_mapillary_token),
    ("openchargemap/OCM_API_KEY", v.unbeknown_ocm_key),
    ("ticketmaster/TM_CONSUMER_KEY", v.unbeknown_ticketmaster_key),
    ("rome2rio/R2R_KEY", v.unbeknown_rome2rio_key),
    ("recurly/RECURLY_API_KEY", v.unbeknown_recurly_key),
    ("truelayer/TRUELAYER_CLIENT_SECRET", lambda r: v.unbeknown_truelayer_pair(r)[1]),
    ("nordigen/GOCARDLESS_SECRET_KEY", lambda r: v.unbeknown_nordigen_pair(r)[1]),
    ("yapily/YAPILY_APPLICATION_SECRET", lambda r: v.unbeknown_yapily_pair(r)[1]),
    ("vipps/VIPPS_CLIENT_SECRET", lambda r: v.unbeknown_vipps_pair(r)[1]),
    ("vipps/VIPPS_SUBSCRIPTION_KEY", lambda r: v.unbeknown_vipps_pair(r)[0]),
    ("bokun/BOKUN_SECRET_KEY", lambda r: v.unbeknown_bokun_pair(r)[1]),
    ("fareharbor/FH_API_USER_KEY", lambda r: v.unbeknown_fareharbor_pair(r)[1]),
    ("rezdy/REZDY_API_KEY", v.unbeknown_rezdy_key),
    ("checkfront/CHECKFRONT_API_SECRET", lambda r: v.unbeknown_checkfront_pair(r)[1]),
    ("cobot/COBOT_ACCESS_TOKEN", v.unbeknown_cobot_token),
    ("loyverse/LOYVERSE_TOKEN", v.unbeknown_loyverse_token),
    ("talon/TALON_API_KEY", v.unbeknown_talon_key),
    ("voucherify/VOUCHERIFY_SECRET_KEY", lambda r: v.unbeknown_voucherify_pair(r)[1]),
    ("mybring/MYBRING_API_KEY", v.unbeknown_mybring_key),
    ("vegvesen/SVV_API_KEY", v.unbeknown_svv_key),
    ("fiken/FIKEN_TOKEN", v.unbeknown_fiken_token),
    ("tripletex/TRIPLETEX_EMPLOYEE_TOKEN", lambda r: v.b64(r.randbytes(27))),
    ("auspost/AUSPOST_API_KEY", v.unbeknown_auspost_key),
    ("myob/MYOB_API_KEY", v.unbeknown_myob_key),
    ("eway/EWAY_API_PASSWORD", lambda r: v.unbeknown_eway_pair(r)[1]),
    ("pin/PIN_SECRET_KEY", v.unbeknown_pin_key),
    ("sendle/SENDLE_API_KEY", lambda r: v.unbeknown_sendle_pair(r)[1]),
    ("officernd/OFFICERND_CLIENT_SECRET", lambda r: v.unbeknown_officernd_pair(r)[1]),
    ("nexudus/NEXUDUS_PASSWORD", v.unbeknown_password),
]
_UNBEKNOWN_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("mealie/.env#OPENAI_API_KEY", v.openai_project, "openai_project_key"),
    ("rspamd/local.d/gpt.conf#api_key", v.openai_project, "openai_project_key"),
    ("renovate/config.js#token", lambda r: v.github_token(r, "ghp"), "github_classic_token"),
    ("netdata/health_alarm_notify.conf#SLACK_WEBHOOK_URL",
     lambda r: (f"https://hooks.slack.com/services/T{v.rand(r, v.UPPER, 10)}/B{v.rand(r, v.UPPER, 10)}/"
                f"{v.rand(r, v.ALNUM, 24)}"),
     "slack_webhook"),
    ("gatus/config.yaml#alerting.telegram.token",
     lambda r: f"{r.randrange(10**9, 8 * 10**9)}:AA{v.rand(r, v.ALNUM + '_-', 33)}", "telegram_bot_token"),
    ("jellyseerr/settings.json#notifications.agents.email.options.authPass",
     lambda r: f"SG.{v.rand(r, v.ALNUM + '_-', 22)}.{v.rand(r, v.ALNUM + '_-', 43)}", "sendgrid_api_key"),
    ("mealie/.env#POSTGRES_URL_OVERRIDE",
     lambda r: f"postgresql://mealie:{urllib.parse.quote(v.unbeknown_password(r), safe='')}@postgres:5432/mealie",
     "url_credentials"),
    ("hasura/HASURA_TEST_TOKEN", v.unbeknown_hasura_jwt, "jwt"),
    ("zettle/ZETTLE_API_KEY", v.unbeknown_zettle_key, "jwt"),
]  # fmt: skip
_UNBEKNOWN_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("netdata/stream.conf#[stream].enabled", lambda r: "no"),
    ("netdata/netdata.conf#[web].mode", lambda r: "static-threaded"),
    ("gatus/config.yaml#alerting.slack.webhook-url:ref", lambda r: "${SLACK_WEBHOOK_URL}"),
    ("searxng/settings.yml#server.secret_key:default", lambda r: "ultrasecretkey"),
    ("searxng/settings.yml#server.limiter", lambda r: "true"),
    ("mealie/.env#SMTP_PASSWORD_FILE", lambda r: "/run/secrets/mealie_smtp"),
    ("mealie/.env#TOKEN_TIME", lambda r: "48"),
    ("zoneminder/zm.conf#ZM_DB_USER", lambda r: "zmuser"),
    ("zoneminder/Options/System#ZM_AUTH_HASH_LOGINS", lambda r: "1"),
    ("qbittorrent/qBittorrent.conf#WebUI\\Username", lambda r: "admin"),
    ("kavita/appsettings.json#Port", lambda r: "5000"),
    ("bokun/BOKUN_ACCESS_KEY", lambda r: v.unbeknown_bokun_pair(r)[0]),
    ("voucherify/VOUCHERIFY_APP_ID", lambda r: v.unbeknown_voucherify_pair(r)[0]),
    ("truelayer/TRUELAYER_CLIENT_ID", lambda r: v.unbeknown_truelayer_pair(r)[0]),
    ("nordigen/GOCARDLESS_SECRET_ID", lambda r: v.unbeknown_nordigen_pair(r)[0]),
    ("sendle/SENDLE_ID", lambda r: v.unbeknown_sendle_pair(r)[0]),
    ("officernd/OFFICERND_CLIENT_ID", lambda r: v.unbeknown_officernd_pair(r)[0]),
    ("stripe/STRIPE_PUBLISHABLE_KEY", lambda r: "pk_live_" + v.rand(r, v.ALNUM, 24)),
    ("mapillary/MAPILLARY_CLIENT_ID", lambda r: v.unbeknown_clean_digits(r, 16)),
    ("moneris/MONERIS_API_TOKEN:test", lambda r: "yesguy"),
    ("yapily/YAPILY_APPLICATION_UUID", lambda r: v.unbeknown_yapily_pair(r)[0]),
    ("fiken/FIKEN_TOKEN:ref", lambda r: '{{ (bitwarden "item" "fiken").login.password }}'),
    ("what3words/W3W_API_KEY:example", lambda r: "YOUR-API-KEY"),
    ("duffel/DUFFEL_API_VERSION", lambda r: "v2"),
]


def _urp_count(r: random.Random, low: int, high: int) -> int:
    """A number in ``[low, high)`` (a duration in nanoseconds, a port) drawn until it reads as no phone number of the
    unreported split's regions and fails Luhn."""
    while True:
        n = r.randrange(low, high)
        if v._urp_no_phone(str(n)) and not v.luhn_ok(str(n)):
            return n


def _urp_epoch(r: random.Random) -> int:
    """Epoch seconds in February 2026, drawn until they read as no phone number (ten digits could be a North American
    number) and fail Luhn."""
    return _urp_count(r, 1_770_100_000, 1_772_200_000)


# The unreported split's vendors in the gateway's requests: (key generator, label, header, scheme, (host, path)).
_UNREPORTED_VENDORS: tuple[tuple[v.Gen, str, str, str, tuple[str, str]], ...] = (
    (v.openai_project, "openai_project_key", "authorization", "Bearer ", ("api.openai.com", "/v1/chat/completions")),
    (v.anthropic, "anthropic_api_key", "x-api-key", "", ("api.anthropic.com", "/v1/messages")),
    (v.deepseek, "deepseek_api_key", "authorization", "Bearer ", ("api.deepseek.com", "/chat/completions")),
    (v.gcp_token, "gcp_oauth_token", "authorization", "Bearer ",
     ("generativelanguage.googleapis.com", "/v1beta/models/gemini-2.0-flash:generateContent")),
    (v.unreported_revai_token, "bearer_token", "authorization", "Bearer ", ("api.rev.ai", "/speechtotext/v1/jobs")),
    (v.unreported_vastai_key, "bearer_token", "authorization", "Bearer ", ("console.vast.ai", "/api/v0/asks/")),
    (v.unreported_permit_key, "bearer_token", "authorization", "Bearer ", ("api.permit.io", "/v2/api-key/scope")),
    (v.unreported_cal_key, "bearer_token", "authorization", "Bearer ", ("api.cal.com", "/v2/bookings")),
    (v.unreported_rollbar_token, "generic_secret", "x-rollbar-access-token", "", ("api.rollbar.com", "/api/1/item/")),
    (v.unreported_honeybadger_key, "generic_secret", "x-api-key", "", ("api.honeybadger.io", "/v1/notices")),
    (v.unreported_admiralty_key, "generic_secret", "ocp-apim-subscription-key", "",
     ("admiraltyapi.azure-api.net", "/uktidalapi/api/V1/Stations")),
    (v.unreported_flagsmith_server_key, "generic_secret", "x-environment-key", "",
     ("edge.api.flagsmith.com", "/api/v1/flags/")),
    (lambda r: f'"{v.unreported_kindful_token(r)}"', "generic_secret", "authorization", "Token token=",
     ("app.kindful.com", "/api/v1/contacts/query")),
    (v.unreported_inat_jwt, "jwt", "authorization", "", ("api.inaturalist.org", "/v1/observations")),
    (v.unreported_firefly_pat, "jwt", "authorization", "Bearer ",
     ("firefly.kmar-radio.example", "/api/v1/transactions")),
    (v.unreported_cerebrium_jwt, "jwt", "authorization", "Bearer ",
     ("api.cortex.cerebrium.ai", "/v4/p-3f9a1c2e/clinic-triage/run")),
    (v.unreported_nocodb_jwt, "jwt", "xc-auth", "", ("nocodb.atafu-clinic.example", "/api/v2/tables/m3x/records")),
    (v.unreported_memberful_key, "bearer_token", "authorization", "Bearer ", ("kmar.memberful.com", "/api/graphql")),
    (v.unreported_glitchtip_token, "bearer_token", "authorization", "Bearer ",
     ("app.glitchtip.com", "/api/0/organizations/kmar/issues/")),
    (v.unreported_semaphore_token, "bearer_token", "authorization", "Bearer ",
     ("semaphore.kmar.internal", "/api/project/1/tasks")),
    (v.unreported_gitea_token, "generic_secret", "authorization", "token ",
     ("git.kmar.internal", "/api/v1/repos/kmar/infra/issues")),
    (v.unreported_nocodb_token, "generic_secret", "xc-token", "",
     ("nocodb.atafu-clinic.example", "/api/v2/tables/m3x/records")),
    (v.unreported_budibase_key, "generic_secret", "x-budibase-api-key", "",
     ("budibase.atafu-clinic.example", "/api/public/v1/tables/search")),
    (v.unreported_umami_key, "generic_secret", "x-umami-api-key", "", ("api.umami.is", "/v1/websites")),
    (v.unreported_noaa_token, "generic_secret", "token", "", ("www.ncei.noaa.gov", "/cdo-web/api/v2/data")),
    (v.unreported_libretime_key, "generic_secret", "authorization", "Api-Key ",
     ("radio.kmar.internal", "/api/v2/schedule")),
    (v.unreported_flagsmith_admin_key, "generic_secret", "authorization", "Api-Key ",
     ("api.flagsmith.com", "/api/v1/projects/")),
    (v.unreported_make_token, "generic_secret", "authorization", "Token ", ("eu2.make.com", "/api/v2/scenarios")),
    (v.unreported_baserow_token, "generic_secret", "authorization", "Token ",
     ("api.baserow.io", "/api/database/rows/table/412/")),
)  # fmt: skip


def _unreported_endpoint(head: dict[str, str]) -> tuple[str, str]:
    """The host and path of a request whose vendor was not drawn by ``_unreported_vendor``: the shared vendors' masked
    keys go to OpenAI, and a request with no key to the in-house assistant behind the egress sidecar."""
    lower = {k.lower(): val for k, val in head.items()}
    if lower.get("authorization", ""):
        return _llm_endpoint(lower)
    return "assistant.kmar.internal", "/api/v1/chat"


_XLAM_TOOLS = [{"name": "lookup_booking", "description": "Find a booking by its reference or the guest's name.",
                "parameters": {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]}},
               {"name": "reply_to_guest", "description": "Send a text answer to the guest.",
                "parameters": {"type": "object", "properties": {"text": {"type": "string"}},
                               "required": ["text"]}}]  # fmt: skip


def _unreported_markup(shape: int, system: str, user: str, answer: str) -> str:
    """ShieldGemma's policy prompt (the question between ``<start_of_turn>`` and ``<end_of_turn>``, the chatbot's
    response too when there is one), WildGuard's ``<|user|>`` ``[INST]`` classifier prompt with ``Human user:`` and
    ``AI assistant:``, xLAM's ``[BEGIN OF TASK INSTRUCTION]`` ... ``[BEGIN OF QUERY]`` blocks (the answer a tool call
    in JSON), SpeechGPT's ``[Human]: ... <eoh>. [SpeechGPT]:`` with ``<eoa>``, KULLM v2's Korean ``### 명령어:``/``###
    응답:`` or DeepSeek-V2-Chat's ``User:``/``Assistant:`` after ``<｜begin▁of▁sentence｜>``; ending with the
    assistant's marker when there is no answer yet (a prompt)."""
    if shape == 0:
        text = (
            "You are a policy expert trying to help determine whether a user prompt is in violation of the defined "
            f"safety policies.\n\n<start_of_turn>\nHuman Question: {user}\n<end_of_turn>\n\n"
        )
        if answer:
            text += f"<start_of_turn>\nChatbot Response: {answer}\n<end_of_turn>\n\n"
        text += (
            'Our safety principle is defined in the below:\n\n* "No Harassment": The prompt shall not contain or seek '
            "generation of content that is malicious, intimidating, bullying, or abusive content targeting another "
            "individual.\n\n===\n\n"
        )
        subject = "the Chatbot Response" if answer else "the human question"
        return text + (
            f"Does {subject} violate the above principle? Your answer must start with 'Yes' or 'No'. And then walk "
            "through step by step to be sure we answer correctly.\n"
        )
    if shape == 1:
        return (
            "<s><|user|>\n[INST] You are a classifier for analyzing interactions between humans and LLMs. Given a "
            "request from a human user and a response from an LLM assistant, determine 1) whether the human user's "
            "request is harmful, 2) whether the AI assistant's response is a refusal, and 3) whether the AI "
            f"assistant's response is harmful.\n\nHuman user:\n{user}\n\nAI assistant:\n{answer}\n\n---\n\nAnswers: "
            "[/INST]\n<|assistant|>\n"
        )
    if shape == 2:
        text = (
            "[BEGIN OF TASK INSTRUCTION]\nYou are an expert in composing functions. You are given a question and a set "
            "of possible functions. Based on the question, you will need to make one or more function/tool calls to "
            "achieve the purpose.\n[END OF TASK INSTRUCTION]\n\n[BEGIN OF AVAILABLE TOOLS]\n"
            f"{json.dumps(_XLAM_TOOLS)}\n[END OF AVAILABLE TOOLS]\n\n[BEGIN OF FORMAT INSTRUCTION]\nThe output MUST "
            'strictly adhere to the following JSON format, and NO other text MUST be included.\n```\n{"tool_calls": '
            '[{"name": "func_name1", "arguments": {"argument1": "value1"}}]}\n```\n[END OF FORMAT INSTRUCTION]\n\n'
            f"[BEGIN OF QUERY]\n{user}\n[END OF QUERY]\n\n"
        )
        call = {"tool_calls": [{"name": "reply_to_guest", "arguments": {"text": answer}}]}
        return text + (json.dumps(call, ensure_ascii=False) if answer else "")
    if shape == 3:
        meta = (
            "You are an AI assistant whose name is SpeechGPT.\n- SpeechGPT is a intrinsic cross-modal conversational "
            "language model that is developed by Fudan University.  SpeechGPT can understand and communicate fluently "
            "with human through speech or text chosen by the user.\n"
        )
        return f"{meta}[Human]: {user} <eoh>. [SpeechGPT]: " + (f"{answer} <eoa>." if answer else "")
    if shape == 4:
        return (
            "아래는 작업을 설명하는 명령어입니다. 요청을 적절히 완료하는 응답을 작성하세요.\n\n### 명령어:\n"
            f"{user}\n\n### 응답:\n" + answer
        )
    text = f"<｜begin▁of▁sentence｜>{system}\n\nUser: {user}\n\nAssistant:"
    return text + (f" {answer}<｜end▁of▁sentence｜>" if answer else "")


def _dynamo_log(r: random.Random, lang: str, user: str) -> str:
    """NVIDIA Dynamo's frontend (Rust ``tracing``) debug line with the prompt its preprocessor rendered, in WildGuard,
    SpeechGPT, KULLM v2 or DeepSeek-V2-Chat markup."""
    prompt = _unreported_markup(r.choice((1, 3, 4, 5)), chat.SYSTEM_PROMPTS[lang], user, "")
    return (
        f"2026-02-{r.randrange(10, 28)}T{contexts._urp_clock(r)[:6]}{contexts._urp_seconds(r, 6)}Z DEBUG "
        f"dynamo_llm::preprocessor: formatted prompt request_id={v.unreported_uuid(r)} "
        f"prompt={json.dumps(prompt, ensure_ascii=False)}"
    )


# Keys users paste into a chat, with their vendor's label.
UNREPORTED_PASTED_KEYS: list[tuple[v.Gen, str]] = [
    (v.openai_project, "openai_project_key"),
    (v.anthropic, "anthropic_api_key"),
    (v.stripe_key, "stripe_key"),
    (lambda r: "glpat-" + v.rand(r, v.ALNUM + "_-", 20), "gitlab_token"),
    (lambda r: "dop_v1_" + v.rand(r, v.HEX, 64), "digitalocean_token"),
    (lambda r: "hf_" + v.rand(r, v.ALNUM, 34), "huggingface_token"),
    (v.slack_token, "slack_token"),
    (lambda r: v.github_token(r, "ghp"), "github_classic_token"),
]


# The unreported split's key-value rows: secrets under names no other split uses, written as the tool's file and path
# (the Gitea Actions runner's registration token, Semaphore UI's cookie and access-key encryption keys, Umami's app
# secret, Baserow's secret key and JWT signing key, NocoDB's JWT secret, Budibase's JWT secret and internal API key,
# Huginn's secret token, Cal.com's NextAuth secret and encryption key, Flagsmith's and GlitchTip's Django secret keys,
# Mautic's secret key, Firefly III's app key and cron token, Icecast's source and admin passwords, AzuraCast's database
# password, Miniflux's admin password, BookStack's app key, and the keys of vendors with no detector of their own:
# Rollbar, Bugsnag, Honeybadger, Better Stack, Papertrail, Loops, beehiiv, Kit, Buttondown, Cal.com, Permit.io, Polar,
# Lightspeed, BigCommerce, FreshBooks, ChartMogul, FastSpring, Maxio, Gumroad, Patreon, Memberful, Ko-fi, Make,
# Vast.ai, Paperspace, Rev.ai, Cliniko, Medplum, Metriport, Veriff, AzuraCast, Spinitron, Mixcloud, LibreTime,
# Donorbox, Givebutter, Bloomerang, Kindful, Classy, MapTiler, Stadia Maps, WorldTides, NOAA, the Admiralty, Xola,
# Ventrata, TextMagic, Clickatell, BulkSMS, AppsFlyer, Umami Cloud, Flagsmith, GlitchTip, Budibase, Gitea, Semaphore,
# NocoDB and Baserow), vendor values under theirs (their vendor's label), and harmless settings with secret-sounding
# names (Icecast's documented ``hackme``, Firefly III's documented ``SomeRandomStringOf32CharsExactly``, ``_FILE`` paths
# and references, public keys and client ids whose secrets are elsewhere, flags).
_UNREPORTED_SECRET_ROWS: list[tuple[str, v.Gen]] = [
    ("act_runner/.runner#token", v.unreported_runner_token),
    ("semaphore/config.json#cookie_hash", lambda r: v.b64(r.randbytes(32))),
    ("semaphore/config.json#access_key_encryption", lambda r: v.b64(r.randbytes(32))),
    ("umami/.env#APP_SECRET", lambda r: v.rand(r, v.HEX, 64)),
    ("baserow/.env#SECRET_KEY", lambda r: v.rand(r, v.ALNUM, 50)),
    ("baserow/.env#BASEROW_JWT_SIGNING_KEY", lambda r: v.rand(r, v.ALNUM, 64)),
    ("nocodb/.env#NC_AUTH_JWT_SECRET", v.unreported_uuid),
    ("budibase/.env#JWT_SECRET", lambda r: v.rand(r, v.ALNUM, 32)),
    ("budibase/.env#INTERNAL_API_KEY", lambda r: v.rand(r, v.ALNUM, 32)),
    ("huginn/.env#APP_SECRET_TOKEN", lambda r: v.rand(r, v.HEX, 128)),
    ("calcom/.env#NEXTAUTH_SECRET", lambda r: v.b64(r.randbytes(32))),
    ("calcom/.env#CALENDSO_ENCRYPTION_KEY", lambda r: v.b64(r.randbytes(24))),
    ("flagsmith/.env#DJANGO_SECRET_KEY", lambda r: v.rand(r, v.ALNUM + "!@#%^&*(-_=+)", 50)),
    ("glitchtip/.env#SECRET_KEY", lambda r: v.rand(r, v.HEX, 64)),
    ("mautic/config/local.php#secret_key", lambda r: v.rand(r, v.HEX, 64)),
    ("firefly/.env#APP_KEY", lambda r: v.rand(r, v.ALNUM, 32)),
    ("firefly/.env#STATIC_CRON_TOKEN", lambda r: v.rand(r, v.ALNUM, 32)),
    ("icecast/icecast.xml#source-password", v.unreported_password),
    ("icecast/icecast.xml#admin-password", v.unreported_password),
    ("azuracast/azuracast.env#MYSQL_PASSWORD", v.unreported_password),
    ("miniflux/.env#ADMIN_PASSWORD", v.unreported_password),
    ("bookstack/.env#APP_KEY", lambda r: "base64:" + v.b64(r.randbytes(32))),
    ("rollbar/ROLLBAR_ACCESS_TOKEN", v.unreported_rollbar_token),
    ("bugsnag/BUGSNAG_API_KEY", v.unreported_bugsnag_key),
    ("honeybadger/HONEYBADGER_API_KEY", v.unreported_honeybadger_key),
    ("betterstack/LOGTAIL_SOURCE_TOKEN", v.unreported_betterstack_token),
    ("papertrail/PAPERTRAIL_API_TOKEN", v.unreported_papertrail_token),
    ("loops/LOOPS_API_KEY", v.unreported_loops_key),
    ("beehiiv/BEEHIIV_API_KEY", v.unreported_beehiiv_key),
    ("kit/KIT_API_KEY", v.unreported_kit_key),
    ("buttondown/BUTTONDOWN_API_KEY", v.unreported_buttondown_key),
    ("calcom/CAL_API_KEY", v.unreported_cal_key),
    ("permit/PERMIT_API_KEY", v.unreported_permit_key),
    ("polar/POLAR_ACCESS_TOKEN", v.unreported_polar_token),
    ("lightspeed/LIGHTSPEED_PERSONAL_TOKEN", v.unreported_lightspeed_token),
    ("bigcommerce/BC_ACCESS_TOKEN", v.unreported_bigcommerce_token),
    ("freshbooks/FRESHBOOKS_ACCESS_TOKEN", v.unreported_freshbooks_token),
    ("chartmogul/CHARTMOGUL_API_KEY", v.unreported_chartmogul_key),
    ("fastspring/FASTSPRING_API_PASSWORD", lambda r: v.unreported_fastspring_pair(r)[1]),
    ("maxio/MAXIO_API_KEY", v.unreported_maxio_key),
    ("gumroad/GUMROAD_ACCESS_TOKEN", v.unreported_gumroad_token),
    ("patreon/PATREON_CREATOR_TOKEN", v.unreported_patreon_token),
    ("memberful/MEMBERFUL_API_KEY", v.unreported_memberful_key),
    ("kofi/KOFI_VERIFICATION_TOKEN", v.unreported_kofi_token),
    ("make/MAKE_API_TOKEN", v.unreported_make_token),
    ("vastai/VAST_API_KEY", v.unreported_vastai_key),
    ("paperspace/PAPERSPACE_API_KEY", v.unreported_paperspace_key),
    ("revai/REVAI_ACCESS_TOKEN", v.unreported_revai_token),
    ("cliniko/CLINIKO_API_KEY", v.unreported_cliniko_key),
    ("medplum/MEDPLUM_CLIENT_SECRET", lambda r: v.unreported_medplum_pair(r)[1]),
    ("metriport/METRIPORT_API_KEY", v.unreported_metriport_key),
    ("veriff/VERIFF_SHARED_SECRET", lambda r: v.unreported_veriff_pair(r)[1]),
    ("azuracast/AZURACAST_API_KEY", v.unreported_azuracast_key),
    ("spinitron/SPINITRON_API_KEY", v.unreported_spinitron_key),
    ("mixcloud/MIXCLOUD_ACCESS_TOKEN", v.unreported_mixcloud_token),
    ("libretime/LIBRETIME_API_KEY", v.unreported_libretime_key),
    ("donorbox/DONORBOX_API_KEY", lambda r: v.unreported_donorbox_pair(r)[1]),
    ("givebutter/GIVEBUTTER_API_KEY", v.unreported_givebutter_key),
    ("bloomerang/BLOOMERANG_API_KEY", v.unreported_bloomerang_key),
    ("kindful/KINDFUL_API_TOKEN", v.unreported_kindful_token),
    ("classy/CLASSY_CLIENT_SECRET", lambda r: v.unreported_classy_pair(r)[1]),
    ("maptiler/MAPTILER_KEY", v.unreported_maptiler_key),
    ("stadia/STADIA_API_KEY", v.unreported_stadia_key),
    ("worldtides/WORLDTIDES_KEY", v.unreported_worldtides_key),
    ("noaa/NOAA_CDO_TOKEN", v.unreported_noaa_token),
    ("admiralty/ADMIRALTY_SUBSCRIPTION_KEY", v.unreported_admiralty_key),
    ("xola/XOLA_API_KEY", v.unreported_xola_key),
    ("ventrata/VENTRATA_API_TOKEN", v.unreported_ventrata_token),
    ("textmagic/TEXTMAGIC_API_KEY", v.unreported_textmagic_key),
    ("clickatell/CLICKATELL_API_KEY", v.unreported_clickatell_key),
    ("bulksms/BULKSMS_TOKEN_SECRET", lambda r: v.unreported_bulksms_pair(r)[1]),
    ("appsflyer/APPSFLYER_DEV_KEY", v.unreported_appsflyer_key),
    ("umami/UMAMI_API_KEY", v.unreported_umami_key),
    ("flagsmith/FLAGSMITH_SERVER_KEY", v.unreported_flagsmith_server_key),
    ("glitchtip/GLITCHTIP_API_TOKEN", v.unreported_glitchtip_token),
    ("budibase/BUDIBASE_API_KEY", v.unreported_budibase_key),
    ("gitea/GITEA_TOKEN", v.unreported_gitea_token),
    ("semaphore/SEMAPHORE_API_TOKEN", v.unreported_semaphore_token),
    ("nocodb/NOCODB_API_TOKEN", v.unreported_nocodb_token),
    ("baserow/BASEROW_DATABASE_TOKEN", v.unreported_baserow_token),
]
_UNREPORTED_VENDOR_ROWS: list[tuple[str, v.Gen, str]] = [
    ("baserow/.env#BASEROW_OPENAI_API_KEY", v.openai_project, "openai_project_key"),
    ("budibase/.env#ANTHROPIC_API_KEY", v.anthropic, "anthropic_api_key"),
    ("calcom/.env#STRIPE_PRIVATE_KEY", v.stripe_key, "stripe_key"),
    ("calcom/.env#SENDGRID_API_KEY",
     lambda r: f"SG.{v.rand(r, v.ALNUM + '_-', 22)}.{v.rand(r, v.ALNUM + '_-', 43)}", "sendgrid_api_key"),
    ("act_runner/config.yaml#runner.envs.GITHUB_TOKEN", lambda r: v.github_token(r, "ghp"), "github_classic_token"),
    ("umami/.env#DATABASE_URL",
     lambda r: f"postgresql://umami:{urllib.parse.quote(v.unreported_password(r), safe='')}@db:5432/umami",
     "url_credentials"),
    ("glitchtip/.env#EMAIL_URL",
     lambda r: f"smtp://glitchtip:{urllib.parse.quote(v.unreported_password(r), safe='')}@smtp.oyster.net.ck:587",
     "url_credentials"),
    ("firefly/FIREFLY_III_ACCESS_TOKEN", v.unreported_firefly_pat, "jwt"),
    ("navidrome/ND_SESSION_TOKEN", v.unreported_navidrome_jwt, "jwt"),
]  # fmt: skip
_UNREPORTED_PLAIN_ROWS: list[tuple[str, v.Gen]] = [
    ("act_runner/config.yaml#runner.capacity", lambda r: str(r.randrange(1, 9))),
    ("semaphore/config.json#dialect", lambda r: "postgres"),
    ("umami/.env#DISABLE_TELEMETRY", lambda r: "1"),
    ("nocodb/.env#NC_DISABLE_TELE", lambda r: "true"),
    ("budibase/.env#JWT_SECRET:ref", lambda r: "${JWT_SECRET}"),
    ("calcom/.env#NEXTAUTH_URL", lambda r: "https://book.rarowhales.example"),
    ("calcom/.env#NEXT_PUBLIC_STRIPE_PUBLIC_KEY", lambda r: "pk_live_" + v.rand(r, v.ALNUM, 24)),
    ("flagsmith/FLAGSMITH_CLIENT_KEY", v.unreported_flagsmith_client_key),
    ("glitchtip/.env#SECRET_KEY:ref", lambda r: "{{ secrets.GLITCHTIP_SECRET_KEY }}"),
    ("mautic/.env#MAUTIC_DB_PASSWORD_FILE", lambda r: "/run/secrets/mautic_db"),
    ("firefly/.env#APP_KEY:example", lambda r: "SomeRandomStringOf32CharsExactly"),
    ("firefly/.env#TZ", lambda r: v.pick(r, "Pacific/Rarotonga", "Pacific/Saipan", "Pacific/Pago_Pago")),
    ("icecast/icecast.xml#source-password:default", lambda r: "hackme"),
    ("icecast/icecast.xml#limits.clients", lambda r: str(r.randrange(100, 999))),
    ("azuracast/azuracast.env#MYSQL_PASSWORD:ref", lambda r: "op://Radio/azuracast-db/password"),
    ("miniflux/.env#POLLING_FREQUENCY", lambda r: str(r.randrange(10, 99))),
    ("veriff/VERIFF_PUBLIC_KEY", lambda r: v.unreported_veriff_pair(r)[0]),
    ("medplum/MEDPLUM_CLIENT_ID", lambda r: v.unreported_medplum_pair(r)[0]),
    ("classy/CLASSY_CLIENT_ID", lambda r: v.unreported_classy_pair(r)[0]),
    ("fastspring/FASTSPRING_API_USERNAME", lambda r: v.unreported_fastspring_pair(r)[0]),
    ("donorbox/DONORBOX_API_USER", lambda r: "board (see 1Password)"),
    ("rollbar/ROLLBAR_ENVIRONMENT", lambda r: "production"),
    ("maptiler/MAPTILER_KEY:example", lambda r: "YOUR_MAPTILER_API_KEY_HERE"),
    ("worldtides/WORLDTIDES_STATION", lambda r: "Avarua Harbour"),
]


def build_corpus(split: Split = "dev") -> list[CorpusTable]:
    b = _Builder(split)
    v.PHONE_REGIONS[:] = PHONE_REGIONS[split]
    tables = [b.log_lines(), b.kv_settings(), b.app_config(), b.users(), b.api_credentials(), b.http_requests()]
    if split == "untold":  # tables of its own, after the shared ones
        return [*tables, b.api_logs(), *b.chat_tables(), b.payment_methods(), b.cloud_credentials(), b.service_params()]
    if split == "unspoken":  # tables of its own, after the shared ones
        return [*tables, b.api_logs(), *b.chat_tables(), b.identity_store(), b.env_settings()]
    if split == "unnamed":  # tables of its own, after the shared ones
        return [*tables, b.api_logs(), *b.chat_tables(), b.llm_spend_logs(), b.webhook_deliveries()]
    if split == "unmarked":  # tables of its own, after the shared ones
        return [*tables, b.api_logs(), *b.chat_tables(), b.oauth_clients(), b.audit_trail()]
    if split == "unwritten":  # tables of its own, after the shared ones
        return [*tables, b.api_logs(), *b.chat_tables(), b.support_tickets(), b.ci_variables(), b.secrets_export()]
    if split == "unsaid":  # tables of its own, after the shared ones
        return [*tables, b.api_logs(), *b.chat_tables(), b.agent_tool_calls(), b.secrets_sync(), b.billing_events()]
    if split == "unvoiced":  # tables of its own, after the shared ones
        return [*tables, b.api_logs(), *b.chat_tables(), b.connector_configs(), b.idp_events(), b.prompt_feedback()]
    if split == "unsung":  # tables of its own, after the shared ones
        return [*tables, b.api_logs(), *b.chat_tables(), b.payout_accounts(), b.device_registry(), b.outbound_hooks()]
    if split == "unlisted":  # tables of its own, after the shared ones
        return [*tables, b.api_logs(), *b.chat_tables(), b.eval_cases(), b.support_escalations(), b.flag_audit()]
    if split == "unheeded":  # tables of its own, after the shared ones
        return [*tables, b.api_logs(), *b.chat_tables(), b.voice_calls(), b.finetune_records(), b.key_registry()]
    if split == "unasked":  # tables of its own, after the shared ones
        return [*tables, b.api_logs(), *b.chat_tables(), b.sso_sessions(), b.model_registry(), b.call_records()]
    if split == "unbidden":  # tables of its own, after the shared ones
        return [*tables, b.api_logs(), *b.chat_tables(), b.remittances(), b.kyc_reviews(), b.rag_chunks()]
    if split == "unsought":  # tables of its own, after the shared ones
        return [*tables, b.api_logs(), *b.chat_tables(), b.claims_queue(), b.telehealth_visits(), b.ride_trips()]
    if split == "unclaimed":  # tables of its own, after the shared ones
        return [
            *tables,
            b.api_logs(),
            *b.chat_tables(),
            b.payroll_run(),
            b.pharmacy_dispensing(),
            b.hotel_reservations(),
        ]
    if split == "unheralded":  # tables of its own, after the shared ones
        return [*tables, b.api_logs(), *b.chat_tables(), b.shipments(), b.school_enrolments(), b.vet_visits()]
    if split == "unnoticed":  # tables of its own, after the shared ones
        return [*tables, b.api_logs(), *b.chat_tables(), b.flight_bookings(), b.trial_visits(), b.meter_reads()]
    if split == "unremarked":  # tables of its own, after the shared ones
        return [
            *tables,
            b.api_logs(),
            *b.chat_tables(),
            b.car_rentals(),
            b.solar_payg_accounts(),
            b.visa_applications(),
        ]
    if split == "unforeseen":  # tables of its own, after the shared ones
        return [
            *tables,
            b.api_logs(),
            *b.chat_tables(),
            b.coworking_memberships(),
            b.ev_charging_sessions(),
            b.aid_registrations(),
        ]
    if split == "unguessed":  # tables of its own, after the shared ones
        return [
            *tables,
            b.api_logs(),
            *b.chat_tables(),
            b.ferry_bookings(),
            b.dive_bookings(),
            b.topup_orders(),
        ]
    if split == "unannounced":  # tables of its own, after the shared ones
        return [
            *tables,
            b.api_logs(),
            *b.chat_tables(),
            b.marina_berths(),
            b.blood_donations(),
            b.player_tickets(),
        ]
    if split == "unbeknown":  # tables of its own, after the shared ones
        return [
            *tables,
            b.api_logs(),
            *b.chat_tables(),
            b.expedition_bookings(),
            b.kite_camp_stays(),
            b.island_freight_manifests(),
        ]
    if split == "unreported":  # tables of its own, after the shared ones
        return [
            *tables,
            b.api_logs(),
            *b.chat_tables(),
            b.whale_watch_bookings(),
            b.radio_donors(),
            b.clinic_appointments(),
        ]
    return [*tables, b.api_logs(), *b.chat_tables()]


def all_labels(tables: list[CorpusTable]) -> dict[tuple[str, str], frozenset[str]]:
    return {(t.name, c): labels for t in tables for c, labels in t.labels.items()}


def row_labels(tables: list[CorpusTable]) -> dict[tuple[str, str], list[frozenset[str]]]:
    return {(t.name, c): rows for t in tables for c, rows in t.row_labels.items()}
