/**
 * The skills catalog: canonical names, each with the other ways people write it. Used to
 * canonicalize skills on the way in (form and import), to suggest skills in the form, and as
 * search synonyms on the way out.
 *
 * One line per skill: `Canonical | alias, alias`. Aliases are only spellings of the same thing;
 * words that mean different things in different trades (e.g. "ops") are left out on purpose.
 */
const CATALOG_TEXT = `
JavaScript | js, javascript, ecmascript, es6, es2015, vanilla js
TypeScript | ts, typescript
Python | py, python3, python 3
Java | java se, java ee, jakarta ee
Kotlin | kotlin/jvm
Swift | swift ui language
Objective-C | objc, objective c
Go | golang
Rust | rust-lang, rustlang
C | c language, ansi c
C++ | cpp, c plus plus
C# | csharp, c sharp
Ruby | ruby lang
PHP | php8, php 8
Scala
Elixir
Erlang
Haskell
Clojure
F# | fsharp, f sharp
Dart
R | rstats
Julia
MATLAB | matlab
Perl
Lua
Bash | shell scripting, shell, bash scripting
PowerShell | powershell scripting
SQL | structured query language
GraphQL | graph ql
HTML | html5
CSS | css3
Sass | scss
Tailwind CSS | tailwind, tailwindcss
WebAssembly | wasm
Solidity
Assembly | asm, assembly language
COBOL
Fortran
VBA | excel vba
Groovy
OCaml
Zig
React | reactjs, react.js, react js
React Native | react-native
Next.js | nextjs, next js
Vue.js | vue, vuejs, vue js
Nuxt | nuxtjs, nuxt.js
Angular | angularjs, angular.js, angular 2
Svelte | sveltejs, sveltekit
Lit | lit-element, lit element, lit html
Solid.js | solidjs
Ember.js | ember, emberjs
jQuery | jquery
Redux | redux toolkit
Node.js | node, nodejs, node js
Deno
Bun
Express | express.js, expressjs
Fastify
NestJS | nest.js
Django | django rest framework, drf
Flask
FastAPI | fast api
Ruby on Rails | rails, ror
Laravel
Symfony
Spring | spring framework
Spring Boot | springboot
.NET | dotnet, dot net, .net core, asp.net, asp.net core
Flutter
SwiftUI | swift ui
UIKit
Jetpack Compose
Android | android development, android sdk
iOS | ios development
Electron | electron.js, electronjs
Unity | unity3d, unity 3d
Unreal Engine | unreal, ue4, ue5
Qt
gRPC | grpc
REST APIs | rest, rest api, restful, restful apis
WebSockets | websocket
OAuth | oauth2, oauth 2.0
OpenAPI | swagger
Microservices | microservice architecture
Distributed Systems | distributed computing
System Design | systems design
Event-Driven Architecture | event driven architecture, eda
Domain-Driven Design | ddd, domain driven design
Test-Driven Development | tdd, test driven development
Software Architecture | solution architecture
Frontend Development | front-end, frontend, front end development
Backend Development | back-end, backend, back end development
Full-Stack Development | full stack, fullstack, full-stack
Mobile Development | mobile apps
Embedded Systems | embedded, firmware
Game Development | gamedev, game dev
Amazon Web Services | aws, amazon aws
Google Cloud | gcp, google cloud platform
Microsoft Azure | azure
Cloudflare | cloudflare workers
Heroku
Vercel
Netlify
DigitalOcean | digital ocean
AWS Lambda | lambda
Amazon S3 | s3
Amazon EC2 | ec2
Serverless | serverless architecture, faas
Kubernetes | k8s, kube
Docker | containers, docker compose
Helm | helm charts
Terraform | tf, hashicorp terraform
Pulumi
Ansible
Chef
Puppet
CloudFormation | aws cloudformation
Linux | gnu/linux, linux administration
Nginx
Apache HTTP Server | apache httpd
CI/CD | ci cd, continuous integration, continuous delivery, continuous deployment
GitHub Actions | gh actions
GitLab CI | gitlab ci/cd
Jenkins
CircleCI | circle ci
Argo CD | argocd
Git | git scm
DevOps | dev ops
Site Reliability Engineering | sre
Observability | o11y
Prometheus
Grafana
Datadog
Splunk
OpenTelemetry | otel
ELK Stack | elk, elastic stack
Incident Management | incident response
Networking | computer networking, tcp/ip
Cybersecurity | cyber security, infosec, information security
Application Security | appsec
Cloud Security
Penetration Testing | pentesting, pen testing, ethical hacking
Identity and Access Management | iam
SOC 2 | soc2, soc ii
ISO 27001 | iso27001
GDPR | gdpr compliance
Threat Modeling
Cryptography
PostgreSQL | postgres, postgresql, psql, pgsql
MySQL | my sql
MariaDB
SQLite
Microsoft SQL Server | mssql, sql server, ms sql
Oracle Database | oracle db, oracle sql, pl/sql, plsql
MongoDB | mongo
Redis
Cassandra | apache cassandra
DynamoDB | amazon dynamodb, dynamo db
Elasticsearch | elastic search
OpenSearch
Meilisearch
Neo4j
Snowflake
BigQuery | google bigquery, big query
Amazon Redshift | redshift
Databricks
ClickHouse
Firebase
Supabase
Kafka | apache kafka
RabbitMQ | rabbit mq
Apache Spark | spark, pyspark
Hadoop | apache hadoop
Airflow | apache airflow
dbt | data build tool
ETL | elt, data pipelines
Data Engineering | data engineer
Data Warehousing | data warehouse
Data Modeling | data modelling
Data Analysis | data analytics, analytics
Data Science | data scientist
Data Visualization | dataviz, data viz
Business Intelligence
Tableau
Power BI | powerbi, microsoft power bi
Looker | looker studio
Excel | microsoft excel, ms excel, spreadsheets
Google Sheets | gsheets
Statistics | statistical analysis
A/B Testing | ab testing, split testing, experimentation
Machine Learning | ml
Deep Learning | neural networks
Artificial Intelligence | ai
Natural Language Processing | nlp
Computer Vision | image recognition
Large Language Models | llm, llms, generative ai, genai
Prompt Engineering
MLOps | ml ops
TensorFlow | tensor flow
PyTorch | torch
scikit-learn | sklearn, scikit learn
Pandas
NumPy | numpy
Jupyter | jupyter notebooks
Hugging Face | huggingface, transformers
LangChain
Recommender Systems | recommendation systems
Reinforcement Learning
Time Series Analysis | forecasting
Quantitative Analysis | quant
Software Testing
Quality Assurance | qa, quality engineering
Test Automation | automated testing, automation testing
Selenium
Cypress
Playwright
Jest
Vitest
JUnit
pytest
Manual Testing
Performance Testing | load testing
Accessibility | a11y, wcag
Web Performance | performance optimization
SEO | search engine optimization
UX Design | ux, user experience, ux designer
UI Design | user interface design, ui designer
Product Design | product designer
Interaction Design | ixd
Visual Design
Graphic Design | graphic designer
Design Systems | design system
User Research | ux research, ux researcher
Usability Testing
Information Architecture
Prototyping
Wireframing | wireframes
Figma
Sketch
Adobe XD | xd
Adobe Photoshop | photoshop
Adobe Illustrator | illustrator
Adobe InDesign | indesign
Adobe After Effects | after effects
Adobe Premiere Pro | premiere pro, premiere
Motion Design | motion graphics
Illustration
Branding | brand design, brand identity
Typography
3D Modeling | 3d modelling
Blender
Video Editing | video production
Photography
Copywriting | copywriter
Content Writing | content writer
Technical Writing | technical writer, documentation
Editing | copy editing, proofreading
Content Strategy
UX Writing | ux writer, content design
Product Management | pm, product manager
Product Strategy
Product Marketing | pmm, product marketing manager
Product Analytics
Product Discovery
Roadmapping | product roadmap, roadmaps
Growth | growth hacking
Project Management | project manager, pmp
Program Management | program manager, tpm, technical program management
Agile | agile methodologies
Scrum | scrum master
Kanban
Jira | atlassian jira
Confluence
Stakeholder Management
Requirements Gathering | requirements analysis
Business Analysis | business analyst
Change Management
Strategy | strategic planning, business strategy
Operations | business operations, bizops
Process Improvement | continuous improvement, business process improvement
Lean | lean management
Six Sigma | lean six sigma
Supply Chain Management | supply chain, scm
Logistics
Procurement | purchasing, sourcing
Inventory Management
Vendor Management
Facilities Management
Office Management | office manager
Executive Assistance | executive assistant
Marketing | marketer
Digital Marketing | online marketing
Content Marketing
Email Marketing | email campaigns
Marketing Automation
HubSpot | hubspot crm
Marketo
Salesforce Marketing Cloud
Social Media Marketing | social media, smm
Community Management | community manager
Performance Marketing | paid acquisition, paid media
Search Engine Marketing | sem, ppc, paid search
Google Ads | adwords, google adwords
Meta Ads | facebook ads, instagram ads
Google Analytics | ga4
Demand Generation | demand gen
Lead Generation | lead gen
Account-Based Marketing | abm, account based marketing
Brand Management | brand marketing
Public Relations | pr, media relations
Communications | corporate communications, comms
Event Management | event planning
Market Research
Partnerships | partner management, alliances
Affiliate Marketing
Influencer Marketing
Lifecycle Marketing | crm marketing, retention marketing
Sales
B2B Sales | b2b
SaaS Sales | saas
Enterprise Sales
Inside Sales
Field Sales | outside sales
Business Development | bizdev, biz dev, bd
Account Management | account manager
Key Account Management | kam
Sales Development | sdr, bdr, sales development representative
Account Executive
Sales Operations | sales ops, revops, revenue operations
Sales Enablement
Solutions Engineering | sales engineering, solutions engineer, sales engineer, presales, pre-sales
Customer Success | csm, customer success manager
Salesforce | sfdc, salesforce crm
CRM | customer relationship management
Negotiation
Cold Calling | cold outreach, prospecting
Pipeline Management | forecasting sales
Customer Support | customer service
Technical Support | tech support, it support, help desk, helpdesk
Zendesk
Intercom
Customer Experience
Onboarding | customer onboarding
Finance | corporate finance
Accounting | accountant
Financial Planning and Analysis | fp&a, fpa, financial planning
Financial Modeling | financial modelling
Budgeting | budget management
Bookkeeping | bookkeeper
Accounts Payable
Accounts Receivable
Payroll
Tax | taxation, tax accounting
Audit | auditing, internal audit
Controlling | financial controlling, controller
Treasury
Investor Relations
Mergers and Acquisitions | m&a, mergers & acquisitions
Venture Capital | vc
Risk Management
Compliance | regulatory compliance
Anti-Money Laundering | aml, kyc
QuickBooks | quick books
NetSuite | oracle netsuite
SAP | sap erp, sap s/4hana
Workday
GAAP | us gaap
IFRS
Payments | payment systems
FinTech | financial technology
Legal | legal counsel
Contract Management
Corporate Law
Privacy Law | data privacy
Intellectual Property | ip law
Human Resources | hr
People Operations | people ops
Recruiting | recruitment, talent acquisition
Technical Recruiting | tech recruiting, technical recruitment
Sourcing Candidates | talent sourcing
Employer Branding
HR Business Partner | hrbp
Compensation and Benefits | comp and ben, total rewards, c&b
Learning and Development | l&d, training and development
Employee Relations
Performance Management
Diversity, Equity and Inclusion | dei, dei&b, diversity and inclusion, d&i
Organizational Development | org design
HRIS
Greenhouse
Lever
People Management | team management, managing teams
Leadership | team leadership
Engineering Management | engineering manager
Mentoring | coaching
Hiring | interviewing
Public Speaking | presenting, presentations
Cross-Functional Collaboration | cross functional
Remote Work | remote collaboration
Healthcare | health care
Education | teaching
E-commerce | ecommerce, e commerce
Shopify Development | shopify apps
WordPress | wp
Webflow
No-Code | no code, low-code, low code
Zapier
Notion
Blockchain | web3, crypto
Smart Contracts
Robotics
IoT | internet of things
Hardware Engineering
Electrical Engineering
Mechanical Engineering
Civil Engineering
Chemical Engineering
Manufacturing
Localization | l10n, internationalization, i18n
Translation | translator
Spanish | español
French | français
German | deutsch
Mandarin | chinese, mandarin chinese
Japanese
Portuguese
Hindi
Arabic
`;

function parseCatalog(text: string): Record<string, string[]> {
  const catalog: Record<string, string[]> = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const [name, aliases = ''] = line.split('|');
    catalog[name!.trim()] = aliases.split(',').map((a) => a.trim()).filter(Boolean);
  }
  return catalog;
}

const CATALOG = parseCatalog(CATALOG_TEXT);

/** Folds case, width and spacing so that "React JS", "react js" and "REACT  JS" meet. */
const fold = (value: string) => value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

const byKey = new Map<string, string>();
for (const [canonical, aliases] of Object.entries(CATALOG)) {
  byKey.set(fold(canonical), canonical);
  for (const alias of aliases) byKey.set(fold(alias), canonical);
}

/** The canonical name of a skill, or the input tidied when the catalog does not know it. */
export function canonicalSkill(raw: string): string {
  const tidy = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  return byKey.get(fold(tidy)) ?? tidy;
}

/** Every canonical skill, in catalog order. */
export const catalogSkills = (): string[] => Object.keys(CATALOG);

/**
 * Catalog skills for a form's suggestions: the exact name or alias first, then names that start
 * with `q`, then names with a word starting with `q`, then names that contain it.
 */
export function suggestCatalogSkills(q: string, limit: number): string[] {
  const key = fold(q);
  if (!key) return catalogSkills().slice(0, limit);
  const rank = (name: string): number => {
    const folded = fold(name);
    if (byKey.get(key) === name) return 0;
    if (folded.startsWith(key)) return 1;
    if (folded.split(/[\s/.-]+/).some((word) => word.startsWith(key))) return 2;
    if (CATALOG[name]!.some((alias) => fold(alias).startsWith(key))) return 3;
    return folded.includes(key) ? 4 : 5;
  };
  return catalogSkills()
    .map((name) => ({ name, rank: rank(name) }))
    .filter((s) => s.rank < 5)
    .sort((a, b) => a.rank - b.rank || a.name.length - b.name.length || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}

/** Meilisearch synonyms: every alias and its canonical name find each other. */
export function skillSynonyms(): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const [canonical, aliases] of Object.entries(CATALOG)) {
    if (aliases.length === 0) continue;
    const words = [canonical.toLowerCase(), ...aliases.map((a) => a.toLowerCase())];
    for (const word of words) synonyms[word] = words.filter((w) => w !== word);
  }
  return synonyms;
}
