// A file's path typed by hand (the browser harness has no file dialog, and the desktop takes one typed too): plain
// text, no spelling marks, no completion from what was typed in other fields.
import type { InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'type' | 'value'> & { value: string; onValue: (value: string) => void };

export function PathInput({ onValue, className, ...props }: Props) {
  return (
    <input
      {...props}
      type="text"
      className={['input', className].filter(Boolean).join(' ')}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => onValue(e.target.value)}
    />
  );
}
