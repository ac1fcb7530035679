// One directive field that saves as the user goes: it shows the draft while there is one, saves after a pause in
// typing or when focus leaves, and keeps the text with the core's reason when a save is refused. A date the input
// refused (30 February) is never saved: the saved date stays, and the refusal shows beside the field.
import { useDirective, textOf, type DirectiveField } from '../../state/directive.js';
import { Field } from '../../ui/Field.js';
import { maxLengthOf } from '../../ui/field-limits.js';
import { DIRECTIVE_FIELD_LABELS } from '../../ui/labels.js';
import { SaveState } from '../../ui/SaveState.js';
import { TypedInput } from '../../ui/typed-input.js';

export type AutosaveControl = 'text' | 'date' | 'long' | 'list';

interface AutosaveFieldProps {
  field: DirectiveField;
  control?: AutosaveControl;
  hint?: string;
  required?: boolean;
  className?: string;
}

export function AutosaveField({ field, control = 'text', hint, required, className }: AutosaveFieldProps) {
  const record = useDirective((s) => s.record);
  const draft = useDirective((s) => s.drafts[field]);
  const save = useDirective((s) => s.saves[field]);
  const edit = useDirective((s) => s.edit);
  const commit = useDirective((s) => s.commit);
  const reload = useDirective((s) => s.reload);
  const refused = useDirective((s) => s.refusals[field] !== undefined);
  const saved = textOf(field, record?.[field]);
  const value = draft ?? saved;

  const common = {
    name: field,
    value,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => edit(field, e.target.value),
    onBlur: () => void commit(field),
  };
  return (
    <Field
      label={DIRECTIVE_FIELD_LABELS[field]}
      hint={hint ?? (control === 'list' ? 'One per line.' : undefined)}
      required={required}
      className={className}
      limit={{ text: value, max: maxLengthOf('directive', field) }}
      error={save?.state === 'error' ? save.message : null}
      aside={<SaveState save={save} pending={draft !== undefined && save?.state !== 'error'} />}
      remedy={
        save?.conflict && (
          <button type="button" className="button button--small field__remedy" onClick={() => void reload()}>
            Reload the directive (drops unsaved text)
          </button>
        )
      }
    >
      {(ids) =>
        control === 'date' ? (
          <TypedInput {...ids} type="date" name={field} value={value} saved={saved} refused={refused} onTyped={(t) => edit(field, t.text, t.refusal)} onLeave={() => void commit(field)} />
        ) : control === 'long' || control === 'list' ? (
          <textarea {...ids} {...common} className="input input--long" rows={control === 'list' ? 3 : 4} />
        ) : (
          <input {...ids} {...common} type={control} className="input" />
        )
      }
    </Field>
  );
}
