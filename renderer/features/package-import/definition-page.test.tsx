import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DefinitionPreviewDto } from '../../../core/api';
import { renderWithCourier } from '../../console/test-console';
import { DefinitionPage } from './definition-page';

function preview(warnings: readonly string[]): DefinitionPreviewDto {
  return {
    format: '2.0',
    package: { name: 'Vendor App', version: '3.1', publisher: 'Vendor', language: 'EN', comment: 'c'.repeat(127), containsNoFiles: false },
    programs: [{ name: 'Install', commandLine: 'setup.exe /s' }],
    msi: null,
    suggestedSourceDirectory: '',
    notes: [],
    warnings,
  };
}

function renderPage(warnings: readonly string[]) {
  const source = { kind: 'file', path: '/srv/defs/vendor.sms' } as const;
  renderWithCourier(
    <DefinitionPage
      list={{ status: 'ready', definitions: [] }}
      read={{ kind: 'read', source, preview: preview(warnings) }}
      path={source.path}
      onPathChange={() => undefined}
      onChoose={() => undefined}
      serverIssue={null}
    />,
  );
}

describe('Package Definition page', () => {
  it('shows what a definition had cut, each in plain words, above the details', () => {
    renderPage(['[Package Definition] Comment (line 9): 197 characters; Courier keeps the first 127']);
    const list = screen.getByRole('list', { name: 'Warnings' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Line 9, in the [Package Definition] section: Comment: 197 characters; Courier keeps the first 127.',
    ]);
    expect(screen.getByText('Some values are longer than a package keeps; they will be imported cut.')).toBeTruthy();
    // The definition can still be used: no problem is shown.
    expect(screen.queryByRole('list', { name: 'Problems' })).toBeNull();
  });

  it('shows no warning for a definition that fits', () => {
    renderPage([]);
    expect(screen.queryByRole('list', { name: 'Warnings' })).toBeNull();
  });
});
