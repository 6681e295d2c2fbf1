import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { StudentHealthContact as ContactRow } from '../../../prisma/school/client/client.ts';
import { StudentHealthProfession } from '../../../prisma/school/client/enums.ts';
import { connectionOf } from '../../../lib/pagination/connection.ts';
import { toLocalDate } from '../../../lib/periods.ts';

registerEnumType(StudentHealthProfession, { name: 'StudentHealthProfession' });

@ObjectType({ description: 'A contact with the student health team (elevhälsan).' })
export class StudentHealthContact {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLLocalDate)
  date!: string;

  @Field(() => StudentHealthProfession)
  profession!: StudentHealthProfession;

  @Field(() => String)
  purpose!: string;
}

export const StudentHealthContactConnection = connectionOf(StudentHealthContact, 'StudentHealthContact');

export const toStudentHealthContact = ({ id, date, profession, purpose }: ContactRow): StudentHealthContact =>
  Object.assign(new StudentHealthContact(), { id, date: toLocalDate(date), profession, purpose });
