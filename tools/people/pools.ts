/**
 * The vocabularies the generator draws from: names of many cultures, job functions, skills
 * beyond the catalog, cities and employers. Plain data, so that the draws stay in generate.ts.
 */

/** A name as written, and the ASCII spelling people use for it in an email or a LinkedIn handle. */
export type Name = readonly [written: string, ascii: string];

interface NamePool {
  culture: string;
  /** Relative share of people from this pool. */
  weight: number;
  given: readonly Name[];
  family: readonly Name[];
  /** Family name first, without a space, when written in the native script (东亚 names). */
  familyFirstNative?: boolean;
  /** Share of people who write their name in the native script (the rest use the ASCII spelling). */
  nativeShare?: number;
}

/** Latin-script names with diacritics: the ASCII spelling drops the marks ("José" → "Jose"). */
const latin = (...names: string[]): Name[] =>
  names.map((n) => [n, n.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/ß/g, 'ss').replace(/[øØ]/g, 'o').replace(/ł/g, 'l')] as const);
/** Non-Latin names as "written:ascii" pairs. */
const pairs = (...names: string[]): Name[] => names.map((n) => n.split(':') as unknown as Name);

export const NAME_POOLS: readonly NamePool[] = [
  {
    culture: 'English',
    weight: 24,
    given: latin('James', 'Mary', 'Michael', 'Jennifer', 'David', 'Sarah', 'Chris', 'Jessica', 'Daniel', 'Emily', 'Matthew', 'Ashley', 'Ryan', 'Megan', 'Kevin', 'Lauren', 'Brian', 'Rachel', 'Tyler', 'Hannah', 'Sean', 'Olivia', 'Liam', 'Grace'),
    family: latin('Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Thompson', 'White', 'Harris', 'Clark', "O'Brien", 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Baker', 'Campbell'),
  },
  {
    culture: 'Hispanic',
    weight: 12,
    given: latin('José', 'María', 'Luis', 'Sofía', 'Alejandro', 'Lucía', 'Javier', 'Camila', 'Andrés', 'Valentina', 'Mateo', 'Ximena', 'Diego', 'Renée', 'Joaquín', 'Inés'),
    family: latin('García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Muñoz', 'Peña'),
  },
  {
    culture: 'Chinese',
    weight: 10,
    nativeShare: 0.3,
    familyFirstNative: true,
    given: pairs('伟:Wei', '芳:Fang', '娜:Na', '敏:Min', '静:Jing', '磊:Lei', '洋:Yang', '婷:Ting', '杰:Jie', '涛:Tao', '欣怡:Xinyi', '子轩:Zixuan', '浩然:Haoran', '雨桐:Yutong'),
    family: pairs('王:Wang', '李:Li', '张:Zhang', '刘:Liu', '陈:Chen', '杨:Yang', '黄:Huang', '赵:Zhao', '吴:Wu', '周:Zhou', '徐:Xu', '孙:Sun', '林:Lin', '郭:Guo'),
  },
  {
    culture: 'Indian',
    weight: 14,
    nativeShare: 0.05,
    given: pairs('प्रिया:Priya', 'राहुल:Rahul', 'अनन्या:Ananya', 'अर्जुन:Arjun', 'दीपिका:Deepika', 'विक्रम:Vikram', 'स्नेहा:Sneha', 'आदित्य:Aditya', 'पूजा:Pooja', 'करण:Karan', 'लक्ष्मी:Lakshmi', 'सुरेश:Suresh', 'नेहा:Neha', 'रोहन:Rohan'),
    family: pairs('शर्मा:Sharma', 'पटेल:Patel', 'सिंह:Singh', 'कुमार:Kumar', 'गुप्ता:Gupta', 'रेड्डी:Reddy', 'अय्यर:Iyer', 'नायर:Nair', 'मेहता:Mehta', 'जोशी:Joshi', 'राव:Rao', 'बनर्जी:Banerjee', 'देसाई:Desai', 'कृष्णन:Krishnan'),
  },
  {
    culture: 'Japanese',
    weight: 4,
    nativeShare: 0.3,
    familyFirstNative: true,
    given: pairs('翔:Sho', '陽菜:Hina', '蓮:Ren', '結衣:Yui', '大翔:Hiroto', '葵:Aoi', '健太:Kenta', '美咲:Misaki', '拓海:Takumi', 'さくら:Sakura'),
    family: pairs('佐藤:Sato', '鈴木:Suzuki', '高橋:Takahashi', '田中:Tanaka', '渡辺:Watanabe', '伊藤:Ito', '山本:Yamamoto', '中村:Nakamura', '小林:Kobayashi', '加藤:Kato'),
  },
  {
    culture: 'Korean',
    weight: 4,
    nativeShare: 0.3,
    familyFirstNative: true,
    given: pairs('민준:Minjun', '서연:Seoyeon', '지호:Jiho', '지우:Jiwoo', '현우:Hyunwoo', '수빈:Subin', '도윤:Doyoon', '하은:Haeun', '준서:Junseo', '예린:Yerin'),
    family: pairs('김:Kim', '이:Lee', '박:Park', '최:Choi', '정:Jung', '강:Kang', '조:Cho', '윤:Yoon', '장:Jang', '임:Lim'),
  },
  {
    culture: 'Arabic',
    weight: 5,
    nativeShare: 0.15,
    given: pairs('محمد:Mohammed', 'فاطمة:Fatima', 'أحمد:Ahmed', 'ليلى:Layla', 'عمر:Omar', 'نور:Nour', 'يوسف:Youssef', 'مريم:Mariam', 'خالد:Khaled', 'سارة:Sara', 'كريم:Karim', 'هدى:Huda'),
    family: pairs('الحسن:Al-Hassan', 'حداد:Haddad', 'منصور:Mansour', 'خوري:Khoury', 'سعيد:Saeed', 'إبراهيم:Ibrahim', 'ناصر:Nasser', 'عثمان:Othman', 'فرح:Farah', 'العلي:Al-Ali'),
  },
  {
    culture: 'Slavic',
    weight: 6,
    nativeShare: 0.1,
    given: pairs('Олександр:Oleksandr', 'Анна:Anna', 'Дмитрий:Dmitry', 'Ольга:Olga', 'Іван:Ivan', 'Наталья:Natalya', 'Сергей:Sergey', 'Юлія:Yulia', 'Andrzej:Andrzej', 'Agnieszka:Agnieszka', 'Łukasz:Lukasz', 'Małgorzata:Malgorzata'),
    family: pairs('Коваленко:Kovalenko', 'Иванов:Ivanov', 'Шевченко:Shevchenko', 'Смирнова:Smirnova', 'Бондаренко:Bondarenko', 'Попов:Popov', 'Kowalski:Kowalski', 'Nowak:Nowak', 'Wiśniewska:Wisniewska', 'Wójcik:Wojcik', 'Dvořák:Dvorak', 'Horváth:Horvath'),
  },
  {
    culture: 'Germanic and Nordic',
    weight: 5,
    given: latin('Lukas', 'Anna', 'Jürgen', 'Lena', 'Felix', 'Sophie', 'Søren', 'Ingrid', 'Björn', 'Astrid', 'Matthias', 'Greta', 'Jens', 'Maja'),
    family: latin('Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Jensen', 'Nielsen', 'Andersson', 'Johansson', 'Lindqvist', 'Østergaard', 'Van der Berg'),
  },
  {
    culture: 'West African',
    weight: 4,
    given: latin('Chinedu', 'Ngozi', 'Kwame', 'Ama', 'Oluwaseun', 'Adaeze', 'Kofi', 'Abena', 'Emeka', 'Folake', 'Tunde', 'Yaa', 'Babajide', 'Chiamaka'),
    family: latin('Okafor', 'Adeyemi', 'Mensah', 'Owusu', 'Okonkwo', 'Boateng', 'Adebayo', 'Nwosu', 'Asante', 'Eze', 'Ogunleye', 'Appiah'),
  },
  {
    culture: 'Vietnamese',
    weight: 3,
    given: latin('Minh', 'Lan', 'Tuấn', 'Hương', 'Dũng', 'Thảo', 'Quang', 'Ngọc', 'Hải', 'Trang', 'Long', 'Linh'),
    family: latin('Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'),
  },
  {
    culture: 'Portuguese and Brazilian',
    weight: 4,
    given: latin('João', 'Ana', 'Gabriel', 'Beatriz', 'Thiago', 'Larissa', 'Rafael', 'Júlia', 'Gonçalo', 'Mariana', 'Caio', 'Letícia'),
    family: latin('Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Carvalho', 'Almeida', 'Ferreira', 'Gonçalves', 'Araújo', 'Ribeiro'),
  },
  {
    culture: 'Turkish',
    weight: 2,
    given: latin('Emre', 'Zeynep', 'Burak', 'Elif', 'Mehmet', 'Ayşe', 'Can', 'Şeyma', 'Oğuz', 'İrem'),
    family: latin('Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın', 'Arslan', 'Doğan', 'Koç'),
  },
  {
    culture: 'French',
    weight: 3,
    given: latin('Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Théo', 'Manon', 'Étienne', 'Zoé', 'Gaël', 'Anaïs', 'Benoît'),
    family: latin('Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Rousseau', 'Fournier', 'Lemaire', 'Bélanger', 'Côté'),
  },
];

export const SENIORITY_LEVELS = ['junior', 'mid', 'senior', 'staff', 'principal', 'manager', 'director', 'executive'] as const;
export type Level = (typeof SENIORITY_LEVELS)[number];
/** How often each level appears on a layoff list: mostly individual contributors. */
export const LEVEL_WEIGHTS: Readonly<Record<Level, number>> = {
  junior: 12, mid: 30, senior: 30, staff: 8, principal: 3, manager: 10, director: 5, executive: 2,
};
export const YEARS_BY_LEVEL: Readonly<Record<Level, readonly [number, number]>> = {
  junior: [0, 2], mid: [2, 6], senior: [5, 12], staff: [8, 18], principal: [10, 25],
  manager: [6, 15], director: [10, 25], executive: [15, 30],
};

/** A job function: its individual-contributor title, its management titles, and the skills it asks for. */
export interface JobFunction {
  weight: number;
  title: string;
  /** Team name for "Engineering Manager", "Director of Engineering", "VP of Engineering". */
  team: string;
  /** The function's skills, most asked-for first; catalog names or extra ones. */
  skills: readonly string[];
}

export const JOB_FUNCTIONS: readonly JobFunction[] = [
  { weight: 16, title: 'Software Engineer', team: 'Engineering', skills: ['JavaScript', 'Python', 'Java', 'TypeScript', 'Go', 'PostgreSQL', 'Amazon Web Services', 'Kubernetes', 'Docker', 'SQL'] },
  { weight: 7, title: 'Backend Engineer', team: 'Engineering', skills: ['Java', 'Go', 'Python', 'PostgreSQL', 'Kafka', 'Node.js', 'Amazon Web Services', 'Redis', 'gRPC', 'Microservices'] },
  { weight: 6, title: 'Frontend Engineer', team: 'Engineering', skills: ['JavaScript', 'TypeScript', 'React', 'CSS', 'HTML', 'Vue.js', 'Accessibility', 'Next.js', 'GraphQL', 'Figma'] },
  { weight: 4, title: 'Mobile Engineer', team: 'Engineering', skills: ['Swift', 'Kotlin', 'iOS', 'Android', 'React Native', 'Flutter', 'TypeScript', 'GraphQL'] },
  { weight: 4, title: 'Site Reliability Engineer', team: 'Infrastructure', skills: ['Kubernetes', 'Terraform', 'Amazon Web Services', 'Linux', 'Go', 'Prometheus', 'Google Cloud', 'Python', 'Docker'] },
  { weight: 3, title: 'DevOps Engineer', team: 'Infrastructure', skills: ['Docker', 'Kubernetes', 'Terraform', 'CI/CD', 'Amazon Web Services', 'Ansible', 'Linux', 'Azure'] },
  { weight: 5, title: 'Data Engineer', team: 'Data', skills: ['SQL', 'Python', 'Spark', 'Airflow', 'dbt', 'Snowflake', 'Kafka', 'PostgreSQL', 'Google Cloud'] },
  { weight: 4, title: 'Data Scientist', team: 'Data Science', skills: ['Python', 'Machine Learning', 'SQL', 'Statistics', 'PyTorch', 'R', 'A/B Testing', 'TensorFlow', 'Pandas'] },
  { weight: 3, title: 'Machine Learning Engineer', team: 'Machine Learning', skills: ['Machine Learning', 'Python', 'PyTorch', 'TensorFlow', 'Kubernetes', 'MLOps', 'LLMs', 'C++', 'Computer Vision'] },
  { weight: 3, title: 'Data Analyst', team: 'Analytics', skills: ['SQL', 'Excel', 'Tableau', 'Python', 'Looker', 'Power BI', 'Statistics', 'A/B Testing'] },
  { weight: 2, title: 'QA Engineer', team: 'Quality', skills: ['Test Automation', 'Selenium', 'Playwright', 'Python', 'JavaScript', 'Cypress', 'CI/CD'] },
  { weight: 2, title: 'Security Engineer', team: 'Security', skills: ['Application Security', 'Cloud Security', 'Python', 'Amazon Web Services', 'Penetration Testing', 'SIEM', 'Go'] },
  { weight: 1, title: 'Game Developer', team: 'Games', skills: ['C++', 'C#', 'Unity', 'Unreal Engine', 'Game Design'] },
  { weight: 7, title: 'Product Manager', team: 'Product', skills: ['Product Management', 'Roadmapping', 'Agile', 'A/B Testing', 'SQL', 'User Research', 'Jira', 'B2B SaaS'] },
  { weight: 3, title: 'Technical Program Manager', team: 'Programs', skills: ['Program Management', 'Agile', 'Jira', 'Stakeholder Management', 'Scrum', 'Risk Management'] },
  { weight: 4, title: 'Product Designer', team: 'Design', skills: ['UX Design', 'Figma', 'Prototyping', 'Design Systems', 'User Research', 'Interaction Design', 'Accessibility'] },
  { weight: 2, title: 'UX Researcher', team: 'Research', skills: ['User Research', 'UX Design', 'Usability Testing', 'Survey Design', 'Qualitative Research'] },
  { weight: 4, title: 'Recruiter', team: 'Talent Acquisition', skills: ['Technical Recruiting', 'Sourcing', 'Greenhouse', 'Employer Branding', 'LinkedIn Recruiter', 'Interviewing'] },
  { weight: 2, title: 'HR Business Partner', team: 'People', skills: ['Employee Relations', 'Workday', 'Performance Management', 'Compensation', 'Change Management'] },
  { weight: 4, title: 'Marketing Manager', team: 'Marketing', skills: ['Product Marketing', 'Content Marketing', 'SEO', 'HubSpot', 'Demand Generation', 'Google Analytics', 'Copywriting'] },
  { weight: 5, title: 'Account Executive', team: 'Sales', skills: ['Enterprise Sales', 'Salesforce', 'B2B SaaS', 'Negotiation', 'Pipeline Management', 'MEDDIC'] },
  { weight: 2, title: 'Solutions Engineer', team: 'Solutions', skills: ['Pre-sales', 'Amazon Web Services', 'Python', 'APIs', 'Salesforce', 'Technical Demos'] },
  { weight: 4, title: 'Customer Success Manager', team: 'Customer Success', skills: ['Customer Success', 'Account Management', 'Salesforce', 'Gainsight', 'Onboarding', 'Zendesk'] },
  { weight: 2, title: 'Technical Writer', team: 'Documentation', skills: ['Technical Writing', 'Docs as Code', 'Markdown', 'APIs', 'Content Strategy'] },
  { weight: 2, title: 'Financial Analyst', team: 'Finance', skills: ['Financial Modeling', 'Excel', 'FP&A', 'SQL', 'Forecasting', 'NetSuite'] },
];

/** Skills nobody lists for a function but that turn up anywhere: the far tail of the distribution. */
export const TAIL_SKILLS: readonly string[] = [
  'Communication', 'Leadership', 'Mentoring', 'Public Speaking', 'Rust', 'Scala', 'Elixir', 'Ruby on Rails', 'PHP',
  'Laravel', 'Django', 'Flask', 'Spring Boot', '.NET', 'Svelte', 'Angular', 'WebAssembly', 'Three.js', 'WebGL',
  'Elasticsearch', 'MongoDB', 'Cassandra', 'DynamoDB', 'BigQuery', 'Redshift', 'Hadoop', 'Flink', 'Haskell',
  'OCaml', 'Clojure', 'Perl', 'MATLAB', 'Julia', 'Solidity', 'Blockchain', 'Embedded Systems', 'FPGA', 'Verilog',
  'Robotics', 'ROS', 'Bioinformatics', 'HIPAA', 'SOC 2', 'GDPR', 'Spanish', 'Mandarin', 'German', 'French',
  'Japanese', 'Portuguese', 'Hindi', 'Arabic', 'Korean', 'Sign Language', 'Notion', 'Asana', 'Miro', 'OKRs',
];

export interface City {
  name: string;
  country: string;
  /** US state or Canadian province code, written after the city ("Seattle, WA"). */
  region?: string;
  weight: number;
}

export const CITIES: readonly City[] = [
  { name: 'San Francisco', region: 'CA', country: 'US', weight: 10 }, { name: 'Seattle', region: 'WA', country: 'US', weight: 8 },
  { name: 'New York', region: 'NY', country: 'US', weight: 10 }, { name: 'Austin', region: 'TX', country: 'US', weight: 5 },
  { name: 'Boston', region: 'MA', country: 'US', weight: 4 }, { name: 'Los Angeles', region: 'CA', country: 'US', weight: 4 },
  { name: 'San Jose', region: 'CA', country: 'US', weight: 4 }, { name: 'Chicago', region: 'IL', country: 'US', weight: 3 },
  { name: 'Denver', region: 'CO', country: 'US', weight: 2 }, { name: 'Atlanta', region: 'GA', country: 'US', weight: 2 },
  { name: 'Portland', region: 'OR', country: 'US', weight: 2 }, { name: 'Raleigh', region: 'NC', country: 'US', weight: 1 },
  { name: 'Miami', region: 'FL', country: 'US', weight: 1 }, { name: 'Salt Lake City', region: 'UT', country: 'US', weight: 1 },
  { name: 'Washington', region: 'DC', country: 'US', weight: 1 }, { name: 'Pittsburgh', region: 'PA', country: 'US', weight: 1 },
  { name: 'Toronto', region: 'ON', country: 'CA', weight: 4 }, { name: 'Vancouver', region: 'BC', country: 'CA', weight: 2 },
  { name: 'Montréal', region: 'QC', country: 'CA', weight: 1.5 }, { name: 'Calgary', region: 'AB', country: 'CA', weight: 0.5 },
  { name: 'London', country: 'GB', weight: 4 }, { name: 'Manchester', country: 'GB', weight: 0.7 },
  { name: 'Edinburgh', country: 'GB', weight: 0.5 }, { name: 'Dublin', country: 'IE', weight: 1.5 },
  { name: 'Berlin', country: 'DE', weight: 2 }, { name: 'München', country: 'DE', weight: 1 },
  { name: 'Amsterdam', country: 'NL', weight: 1.5 }, { name: 'Paris', country: 'FR', weight: 1.5 },
  { name: 'Madrid', country: 'ES', weight: 0.8 }, { name: 'Barcelona', country: 'ES', weight: 0.8 },
  { name: 'Lisbon', country: 'PT', weight: 0.7 }, { name: 'Stockholm', country: 'SE', weight: 0.6 },
  { name: 'Copenhagen', country: 'DK', weight: 0.4 }, { name: 'Zürich', country: 'CH', weight: 0.5 },
  { name: 'Warsaw', country: 'PL', weight: 0.7 }, { name: 'Kyiv', country: 'UA', weight: 0.5 },
  { name: 'Kraków', country: 'PL', weight: 0.4 }, { name: 'Istanbul', country: 'TR', weight: 0.5 },
  { name: 'Tel Aviv', country: 'IL', weight: 0.8 }, { name: 'Dubai', country: 'AE', weight: 0.5 },
  { name: 'Cairo', country: 'EG', weight: 0.3 }, { name: 'Lagos', country: 'NG', weight: 0.6 },
  { name: 'Nairobi', country: 'KE', weight: 0.4 }, { name: 'Accra', country: 'GH', weight: 0.3 },
  { name: 'Cape Town', country: 'ZA', weight: 0.3 }, { name: 'Bengaluru', country: 'IN', weight: 3 },
  { name: 'Hyderabad', country: 'IN', weight: 1.5 }, { name: 'Pune', country: 'IN', weight: 1 },
  { name: 'Delhi', country: 'IN', weight: 0.8 }, { name: 'Singapore', country: 'SG', weight: 1 },
  { name: 'Tokyo', country: 'JP', weight: 0.8 }, { name: 'Seoul', country: 'KR', weight: 0.6 },
  { name: 'Shanghai', country: 'CN', weight: 0.4 }, { name: 'Ho Chi Minh City', country: 'VN', weight: 0.3 },
  { name: 'Sydney', country: 'AU', weight: 1 }, { name: 'Melbourne', country: 'AU', weight: 0.6 },
  { name: 'Auckland', country: 'NZ', weight: 0.3 }, { name: 'São Paulo', country: 'BR', weight: 1 },
  { name: 'Mexico City', country: 'MX', weight: 0.8 }, { name: 'Buenos Aires', country: 'AR', weight: 0.5 },
  { name: 'Bogotá', country: 'CO', weight: 0.4 }, { name: 'Santiago', country: 'CL', weight: 0.3 },
];

/**
 * Employers, most laid-off-from first, written the many ways lists write them ("Facebook",
 * "Meta Platforms, Inc."): the head of the Zipf curve. The long tail is made up in generate.ts.
 */
export const KNOWN_EMPLOYERS: readonly (readonly string[])[] = [
  ['Google', 'Alphabet', 'Google LLC'], ['Meta', 'Facebook', 'Meta Platforms, Inc.'], ['Amazon', 'Amazon.com', 'AWS'],
  ['Microsoft', 'MSFT'], ['Salesforce', 'Slack'], ['X', 'Twitter'], ['Intel'], ['Cisco', 'Cisco Systems'], ['IBM'],
  ['Dell', 'Dell Technologies'], ['Spotify'], ['Shopify'], ['Stripe'], ['Netflix'], ['Uber'], ['Lyft'], ['Airbnb'],
  ['Snap', 'Snap Inc.'], ['PayPal'], ['Zoom'], ['Coinbase'], ['Robinhood'], ['Peloton'], ['Tesla'], ['Wayfair'],
  ['Unity', 'Unity Technologies'], ['Atlassian'], ['Dropbox'], ['Twilio'], ['Okta'], ['Zillow'], ['Redfin'],
  ['DoorDash'], ['Indeed'], ['Chegg'], ['Vimeo'], ['SAP'], ['Oracle'], ['HP', 'Hewlett-Packard'], ['Apple'],
];

/** Word stock for made-up startups ("Brightwave Analytics", "Northpeak Health"). */
export const STARTUP_PREFIXES = ['Bright', 'North', 'Blue', 'Clear', 'Deep', 'Iron', 'Silver', 'Quantum', 'Nova', 'Swift', 'Terra', 'Open', 'True', 'Cloud', 'Lumen', 'Hyper'];
export const STARTUP_ROOTS = ['wave', 'peak', 'path', 'stack', 'leaf', 'forge', 'loop', 'grid', 'field', 'harbor', 'signal', 'pine', 'bit', 'spark'];
export const STARTUP_SUFFIXES = ['', ' Labs', ' Analytics', ' Health', ' AI', ' Systems', ', Inc.', ' Technologies', ' Robotics', ' Pay', ' Bio', ' Software'];
