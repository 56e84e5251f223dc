import { describe, expect, it } from 'vitest';
import { canonicalSkill, catalogSkills, skillSynonyms, suggestCatalogSkills } from '../../../common/normalize/skills.js';

describe('the skills catalog', () => {
  it('has a few hundred canonical skills across trades', () => {
    const skills = catalogSkills();
    expect(skills.length).toBeGreaterThanOrEqual(300);
    expect(new Set(skills.map((s) => s.toLowerCase())).size).toBe(skills.length);
    for (const skill of ['Figma', 'Salesforce', 'Financial Planning and Analysis', 'Recruiting', 'Customer Success', 'Kubernetes']) {
      expect(skills).toContain(skill);
    }
  });

  it('gives every alias exactly one canonical skill, and canonical names map to themselves', () => {
    for (const skill of catalogSkills()) expect(canonicalSkill(skill.toUpperCase())).toBe(skill);
    const synonyms = skillSynonyms();
    for (const [word, others] of Object.entries(synonyms)) expect(others).not.toContain(word);
    expect(canonicalSkill('fp&a')).toBe('Financial Planning and Analysis');
    expect(canonicalSkill('Vue JS')).toBe('Vue.js');
    expect(canonicalSkill('sfdc')).toBe('Salesforce');
  });

  it('suggests by exact alias, then prefix, then word, then substring', () => {
    expect(suggestCatalogSkills('k8s', 5)[0]).toBe('Kubernetes');
    expect(suggestCatalogSkills('re', 3)).toEqual(['React', 'Redis', 'Redux']);
    expect(suggestCatalogSkills('script', 10)).toContain('TypeScript');
    expect(suggestCatalogSkills('zzzz', 5)).toEqual([]);
    expect(suggestCatalogSkills('', 4)).toHaveLength(4);
  });
});
