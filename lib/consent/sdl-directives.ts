import {
  Kind,
  type ConstDirectiveNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
} from 'graphql';

export const findDirective = (
  node: FieldDefinitionNode | ObjectTypeDefinitionNode | ObjectTypeExtensionNode,
  name: string,
) => node.directives?.find((directive) => directive.name.value === name);

/** A directive's string argument as written in the SDL; undefined when absent or not a string. */
export function stringArgument(node: ConstDirectiveNode | undefined, name: string): string | undefined {
  const argument = node?.arguments?.find((arg) => arg.name.value === name);
  return argument?.value.kind === Kind.STRING ? argument.value.value : undefined;
}
