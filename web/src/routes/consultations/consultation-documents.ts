import { ConsultationsDocument, RecordConsultationDocument, TurnConsultationIntoCaseDocument } from '../../gql/graphql';

export const CONSULTATIONS = ConsultationsDocument;
export const RECORD_CONSULTATION = RecordConsultationDocument;
export const TURN_INTO_CASE = TurnConsultationIntoCaseDocument;
