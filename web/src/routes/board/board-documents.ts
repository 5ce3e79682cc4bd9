import {
  BoardDutyDocument,
  BoardFiguresDocument,
  BoardLiveDocument,
  BoardSuperviseDocument,
  BoardTownsDocument,
  BoardTrendDocument,
  BoardWarningsDocument,
} from '../../gql/graphql';

/** Seven days, one cohort each (the API has no per-day grouping): reported that day, and of those resolved. */

export const BOARD_WARNINGS = BoardWarningsDocument;
export const BOARD_FIGURES = BoardFiguresDocument;
export const BOARD_TREND = BoardTrendDocument;
export const BOARD_TOWNS = BoardTownsDocument;
export const BOARD_DUTY = BoardDutyDocument;
export const BOARD_SUPERVISE = BoardSuperviseDocument;
export const BOARD_EVENTS = BoardLiveDocument;
