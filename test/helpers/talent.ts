import type { TestProfile } from './profiles.js';

/**
 * A small, deterministic and realistic crowd for page tests and screenshots: varied roles,
 * skills, places, employers and layoff dates, two layoff lists.
 */
const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Radia', 'Ken', 'Barbara', 'Dennis', 'Frances', 'Guido', 'Hedy', 'Ivan', 'Jean', 'Katherine', 'Leslie', 'Mary', 'Niklaus', 'Olga', 'Priya', 'Quentin', 'Rosa', 'Sofia', 'Tim', 'Ursula', 'Vint', 'Wen', 'Xavier', 'Yuki', 'Zara'];
const LAST = ['Lovelace', 'Hopper', 'Okafor', 'Hamilton', 'Nguyen', 'Perlman', 'Thompson', 'Liskov', 'Ritchie', 'Allen', 'Rossi', 'Lamarr', 'Sutherland', 'Bartik', 'Johnson', 'Lamport', 'Keller', 'Wirth', 'Petrova', 'Raman', 'Dubois', 'Peters', 'García', 'Berners', 'Schmidt', 'Cerf', 'Zhang', 'Leroy', 'Tanaka', 'Haddad'];
const ROLES: { role: string; headline: string; skills: string[] }[] = [
  { role: 'Platform Engineer', headline: 'Kubernetes platforms that developers love', skills: ['Kubernetes', 'Go', 'Terraform', 'Amazon Web Services'] },
  { role: 'Frontend Engineer', headline: 'Accessible, fast React apps at scale', skills: ['React', 'TypeScript', 'JavaScript', 'CSS'] },
  { role: 'Backend Engineer', headline: 'APIs and data pipelines in Go and Python', skills: ['Go', 'Python', 'PostgreSQL', 'Kafka'] },
  { role: 'Data Scientist', headline: 'Experimentation and forecasting for product teams', skills: ['Python', 'Machine Learning', 'SQL', 'Statistics'] },
  { role: 'Product Manager', headline: 'Shipped growth products used by millions', skills: ['Product Management', 'SQL', 'Roadmapping'] },
  { role: 'Product Designer', headline: 'End-to-end product design, research to pixels', skills: ['UX Design', 'Figma', 'User Research'] },
  { role: 'Site Reliability Engineer', headline: 'On-call that lets people sleep', skills: ['Kubernetes', 'Linux', 'Prometheus', 'Google Cloud'] },
  { role: 'Machine Learning Engineer', headline: 'Ranking and recommendation models in production', skills: ['Machine Learning', 'Python', 'PyTorch', 'Kubernetes'] },
  { role: 'Engineering Manager', headline: 'Grew and led teams of 6 to 25 engineers', skills: ['Leadership', 'Hiring', 'Go', 'Java'] },
  { role: 'Mobile Engineer', headline: 'iOS and Android apps with millions of users', skills: ['Swift', 'Kotlin', 'React Native'] },
];
const PLACES: { country: string; region: string; city: string }[] = [
  { country: 'US', region: 'California', city: 'San Francisco' },
  { country: 'US', region: 'Washington', city: 'Seattle' },
  { country: 'US', region: 'New York', city: 'New York' },
  { country: 'DE', region: 'Berlin', city: 'Berlin' },
  { country: 'GB', region: 'England', city: 'London' },
  { country: 'CA', region: 'Ontario', city: 'Toronto' },
  { country: 'IN', region: 'Karnataka', city: 'Bengaluru' },
  { country: 'FR', region: 'Île-de-France', city: 'Paris' },
];
const EMPLOYERS = ['Meta', 'Google', 'Amazon', 'Spotify', 'Salesforce', 'Twitter'];
const SENIORITY = ['junior', 'mid', 'senior', 'senior', 'staff', 'principal', 'manager'] as const;
const REMOTE = ['remote', 'hybrid', 'onsite', 'flexible'] as const;

export function talentCrowd(n = 40): TestProfile[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    const role = ROLES[i % ROLES.length]!;
    const place = PLACES[(i * 3) % PLACES.length]!;
    const employer = EMPLOYERS[(i * 5) % EMPLOYERS.length]!;
    const month = String(1 + ((i * 5) % 11)).padStart(2, '0');
    const slug = `${name.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z]+/g, '-')}-${i}`;
    return {
      slug,
      name,
      role: role.role,
      headline: role.headline,
      skills: role.skills,
      seniority: SENIORITY[i % SENIORITY.length]!,
      years_experience: 2 + ((i * 3) % 18),
      ...place,
      remote: REMOTE[i % REMOTE.length]!,
      relocation: i % 3 === 0,
      work_authorization: i % 4 === 0 ? 'needs_sponsorship' : 'authorized',
      employer,
      lists: employer === 'Meta' ? ['meta-layoffs-2026'] : employer === 'Google' ? ['google-layoffs-2026'] : [],
      layoff_date: `2026-${month}-${String(1 + (i % 27)).padStart(2, '0')}`,
      linkedin_url: `https://www.linkedin.com/in/${slug}`,
      bio: `${role.headline}. Looking for a team that ships carefully and treats people well.`,
      email: `${slug}@example.org`,
    };
  });
}
