import type { ProgramDto } from '../../../core/api';

export interface ProgramsNodeKinds {
  readonly 'package-programs': { readonly packageId: string };
}

export interface ProgramsRowKinds {
  readonly program: ProgramDto;
}

export interface ProgramsPopupKinds {
  readonly 'new-program': { readonly packageId: string };
  readonly 'new-device-program': { readonly packageId: string };
  readonly 'program-properties': { readonly program: ProgramDto };
  readonly 'delete-program': { readonly program: ProgramDto };
}
