import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

const useStyles = makeStyles({
  splitter: {
    position: 'relative',
    flex: 'none',
    width: '4px',
    cursor: 'col-resize',
    touchAction: 'none',
    backgroundColor: tokens.colorNeutralBackground2,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    outlineStyle: 'none',
    // A wider invisible grip than the visible line, so the edge is easy to catch.
    '::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      bottom: 0,
      left: '-3px',
      right: '-3px',
      zIndex: 1,
    },
    ':hover': {
      backgroundColor: tokens.colorNeutralStroke1Hover,
    },
    ':focus-visible': {
      backgroundColor: tokens.colorBrandStroke1,
    },
  },
  dragging: {
    backgroundColor: tokens.colorBrandStroke1,
  },
});

interface SplitterProps {
  /** Accessible name: "Resize the console tree". */
  readonly label: string;
  /** The width of the pane this splitter sizes, in CSS pixels. */
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /**
   * Which side the sized pane is on. Dragging toward the pane shrinks it, so the
   * sign of the pointer movement flips for a pane on the right.
   */
  readonly paneSide: 'start' | 'end';
  /** The id of the pane it sizes (aria-controls). */
  readonly controls?: string;
  readonly onChange: (value: number) => void;
}

const step = 10;
const bigStep = 50;

/** A vertical pane splitter: drag it, or focus it and use the arrow keys, Home and End. */
export function Splitter(props: SplitterProps): ReactNode {
  const { value, min, max, paneSide, onChange } = props;
  const styles = useStyles();
  const drag = useRef<{ startX: number; startValue: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  const direction = paneSide === 'start' ? 1 : -1;
  const clamp = (next: number): number => Math.round(Math.max(min, Math.min(max, next)));

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const amount = event.shiftKey ? bigStep : step;
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowLeft':
        next = value - amount * direction;
        break;
      case 'ArrowRight':
        next = value + amount * direction;
        break;
      case 'Home':
        next = min;
        break;
      case 'End':
        next = max;
        break;
    }
    if (next === null) return;
    event.preventDefault();
    event.stopPropagation();
    onChange(clamp(next));
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>): void {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { startX: event.clientX, startValue: value };
    setDragging(true);
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>): void {
    if (!drag.current) return;
    onChange(clamp(drag.current.startValue + (event.clientX - drag.current.startX) * direction));
  }

  function endDrag(event: PointerEvent<HTMLDivElement>): void {
    if (!drag.current) return;
    drag.current = null;
    setDragging(false);
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  }

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={props.label}
      aria-controls={props.controls}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className={mergeClasses(styles.splitter, dragging && styles.dragging)}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
    />
  );
}
