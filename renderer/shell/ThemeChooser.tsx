// Light, dark, or as the system says.
import { THEME_CHOICES, useTheme } from '../state/theme.js';
import { ChoiceGroup } from '../ui/ChoiceGroup.js';
import { humanize } from '../ui/labels.js';

const OPTIONS = THEME_CHOICES.map((c) => ({ value: c, label: humanize(c) }));

export function ThemeChooser() {
  const { choice, choose } = useTheme();
  return <ChoiceGroup legend="Theme" name="theme" className="theme-chooser" value={choice} options={OPTIONS} onChange={choose} />;
}
