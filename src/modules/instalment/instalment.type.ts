import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../core/graphql/enum-of';
import { DecimalScalar } from '../../core/graphql/scalars';
import { createUserErrorType } from '../../core/graphql/user-error';
import type { InstalmentEntity, InstalmentStatus } from './instalment.entity';
import { InstalmentErrorCode } from './instalment.errors';
import { fromFen, isLate, toFen } from './instalment.service';

export const InstalmentStatusEnum = enumOf(['DUE', 'PARTLY_PAID', 'PAID'] as const);
registerEnumType(InstalmentStatusEnum, { name: 'InstalmentStatus' });

@ObjectType('AgreementInstalment', { description: 'One instalment of an agreement, with what was paid against it' })
export class AgreementInstalmentType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: '1 for the first instalment' }) seq!: number;
  @Field(() => String, { description: 'YYYY-MM-DD on the tenant’s calendar' }) dueOn!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => DecimalScalar) paidAmount!: string;
  @Field(() => DecimalScalar) outstanding!: string;
  @Field(() => InstalmentStatusEnum) status!: InstalmentStatus;
  @Field(() => Date, { nullable: true, description: 'When it was paid in full' }) paidAt!: Date | null;
  @Field(() => Boolean, {
    description: 'Not paid in full by the end of its due date, or paid in full only after it',
  })
  late!: boolean;

  static from(i: InstalmentEntity, timeZone: string): AgreementInstalmentType {
    return Object.assign(new AgreementInstalmentType(), {
      id: i.id,
      seq: i.seq,
      dueOn: i.dueOn,
      amount: i.amount,
      paidAmount: i.paidAmount,
      outstanding: fromFen(toFen(i.amount) - toFen(i.paidAmount)),
      status: i.status,
      paidAt: i.paidAt,
      late: isLate(i, timeZone),
    });
  }
}

export const InstalmentUserError = createUserErrorType('Instalment', InstalmentErrorCode);

@InputType()
export class RecordInstalmentPaymentInput {
  @Field(() => ID) instalmentId!: string;
  @Field(() => DecimalScalar, { description: 'Yuan paid now; several payments may add up to the instalment' })
  amount!: string;
  @Field(() => Date, { nullable: true, description: 'When the money arrived (default now)' }) paidAt?: Date | null;
}

@ObjectType()
export class InstalmentPaymentPayload {
  @Field(() => AgreementInstalmentType, { nullable: true }) instalment!: AgreementInstalmentType | null;
  @Field(() => [InstalmentUserError]) userErrors!: InstanceType<typeof InstalmentUserError>[];
}
