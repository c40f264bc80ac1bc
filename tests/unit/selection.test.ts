import { describe, expect, it } from 'vitest';
import { againstRecommendation, selectionResult, type DossierResult } from '@/lib/domain/selection';

const d = (taskId: string, meanScore: number | null, outcome: DossierResult['outcome']): DossierResult => ({ taskId, meanScore, outcome });

describe('ranking the dossiers of one listed task', () => {
  it('ranks by mean score and recommends the best one that passes', () => {
    const r = selectionResult([d('a', 72, 'RECOMMEND_APPROVAL'), d('b', 85, 'RECOMMEND_REJECTION'), d('c', 78, 'RECOMMEND_APPROVAL')]);
    expect(r.complete).toBe(true);
    expect(r.ranked.map((x) => [x.taskId, x.rank, x.passes])).toEqual([
      ['b', 1, false],
      ['c', 2, true],
      ['a', 3, true],
    ]);
    // The highest mean fails (most members did not recommend it): the best passing one is recommended.
    expect(r.recommendedTaskId).toBe('c');
    expect(r.tie).toBe(false);
  });

  it('shares a rank between equal means; two passing dossiers tied at the top leave the choice to the leader', () => {
    const r = selectionResult([d('a', 80, 'RECOMMEND_APPROVAL'), d('b', 80, 'RECOMMEND_APPROVAL'), d('c', 70, 'RECOMMEND_APPROVAL')]);
    expect(r.ranked.map((x) => x.rank)).toEqual([1, 1, 3]);
    expect(r.recommendedTaskId).toBeNull();
    expect(r.tie).toBe(true);
  });

  it('recommends nothing when no dossier passes, and is incomplete while a quorum is missing', () => {
    expect(selectionResult([d('a', 60, 'RECOMMEND_REJECTION'), d('b', 55, 'RECOMMEND_REJECTION')])).toMatchObject({
      complete: true,
      recommendedTaskId: null,
      tie: false,
    });
    const partial = selectionResult([d('a', 90, 'RECOMMEND_APPROVAL'), d('b', null, null)]);
    expect(partial.complete).toBe(false);
    expect(partial.recommendedTaskId).toBeNull();
    expect(partial.ranked.find((x) => x.taskId === 'b')?.rank).toBeNull();
    expect(selectionResult([]).complete).toBe(false);
  });

  it('a direct assignment (one dossier) must pass on its own', () => {
    expect(selectionResult([d('a', 90, 'RECOMMEND_APPROVAL')]).recommendedTaskId).toBe('a');
    expect(selectionResult([d('a', 65, 'RECOMMEND_REJECTION')]).recommendedTaskId).toBeNull();
  });
});

describe('a decision against the recommendation', () => {
  const r = selectionResult([d('a', 72, 'RECOMMEND_APPROVAL'), d('b', 85, 'RECOMMEND_APPROVAL'), d('c', 50, 'RECOMMEND_REJECTION')]);
  it('is choosing another dossier, one that does not pass, or none while one is recommended', () => {
    expect(againstRecommendation(r, 'b')).toBe(false);
    expect(againstRecommendation(r, 'a')).toBe(true);
    expect(againstRecommendation(r, 'c')).toBe(true);
    expect(againstRecommendation(r, null)).toBe(true);
  });
  it('is not choosing none when nothing passes, nor either dossier of a tie at the top (but none of them is)', () => {
    expect(againstRecommendation(selectionResult([d('a', 60, 'RECOMMEND_REJECTION')]), null)).toBe(false);
    const tie = selectionResult([d('a', 80, 'RECOMMEND_APPROVAL'), d('b', 80, 'RECOMMEND_APPROVAL')]);
    expect(againstRecommendation(tie, 'a')).toBe(false);
    expect(againstRecommendation(tie, 'b')).toBe(false);
    expect(againstRecommendation(tie, null)).toBe(true);
  });
});
