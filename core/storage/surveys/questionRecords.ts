import type { Channel } from '../../inbound.ts';
import { isLocale } from '../../i18n/locale.ts';
import type { ScoreGroup, SurveyKind } from '../../surveys/surveyScores.ts';
import type { QuestionStatus, SurveyQuestionRecord, Touchpoint } from '../../surveys/surveysPorts.ts';
import type { SurveyQuestion } from '../generated/sqlite/client.ts';

export function toQuestionRecord(row: SurveyQuestion): SurveyQuestionRecord {
  return {
    id: row.id,
    memberId: row.memberId,
    kind: row.kind as SurveyKind,
    touchpoint: row.touchpoint as Touchpoint,
    status: row.status as QuestionStatus,
    store: row.store,
    channel: row.channel as Channel | null,
    locale: isLocale(row.locale) ? row.locale : 'ru',
    tier: row.tier,
    dueAt: row.dueAt,
    askedAt: row.askedAt,
    expiresAt: row.expiresAt,
    answeredAt: row.answeredAt,
    score: row.score,
    group: row.scoreGroup as ScoreGroup | null,
    comment: row.comment,
    followUpTicketId: row.followUpTicketId,
  };
}
