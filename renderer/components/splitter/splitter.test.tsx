import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Splitter } from './splitter';

function Harness({ paneSide }: { readonly paneSide: 'start' | 'end' }) {
  const [width, setWidth] = useState(200);
  return <Splitter label="Resize the pane" value={width} min={100} max={400} paneSide={paneSide} onChange={setWidth} />;
}

describe('Splitter', () => {
  it('resizes a left pane with the arrow keys, Home and End', () => {
    render(<Harness paneSide="start" />);
    const splitter = screen.getByRole('separator', { name: 'Resize the pane' });
    fireEvent.keyDown(splitter, { key: 'ArrowRight' });
    expect(splitter.getAttribute('aria-valuenow')).toBe('210');
    fireEvent.keyDown(splitter, { key: 'ArrowLeft', shiftKey: true });
    expect(splitter.getAttribute('aria-valuenow')).toBe('160');
    fireEvent.keyDown(splitter, { key: 'End' });
    expect(splitter.getAttribute('aria-valuenow')).toBe('400');
    fireEvent.keyDown(splitter, { key: 'ArrowRight' });
    expect(splitter.getAttribute('aria-valuenow')).toBe('400');
    fireEvent.keyDown(splitter, { key: 'Home' });
    expect(splitter.getAttribute('aria-valuenow')).toBe('100');
  });

  it('grows a right pane when moved left', () => {
    render(<Harness paneSide="end" />);
    const splitter = screen.getByRole('separator');
    fireEvent.keyDown(splitter, { key: 'ArrowLeft' });
    expect(splitter.getAttribute('aria-valuenow')).toBe('210');
  });
});
