// Which screen draws each section of an open case. Each section lives in its own folder under screens/.
import type { ComponentType } from 'react';
import type { CaseSection } from '../state/navigation.js';
import { AttachmentsScreen } from './attachments/AttachmentsScreen.js';
import { ConflictsScreen } from './conflicts/ConflictsScreen.js';
import { DeadlinesScreen } from './deadlines/DeadlinesScreen.js';
import { RecentlyDeletedScreen } from './deleted/RecentlyDeletedScreen.js';
import { DraftsScreen } from './drafts/DraftsScreen.js';
import { MeetingsScreen } from './meetings/MeetingsScreen.js';
import { NegotiationScreen } from './negotiation/NegotiationScreen.js';
import { OverviewScreen } from './overview/OverviewScreen.js';
import { PeopleScreen } from './people/PeopleScreen.js';
import { PrecedentsScreen } from './precedents/PrecedentsScreen.js';
import { TimelineScreen } from './timeline/TimelineScreen.js';
import { WatchScreen } from './watch/WatchScreen.js';

export const SECTION_SCREENS: Record<CaseSection, ComponentType<{ caseId: string }>> = {
  overview: OverviewScreen,
  deadlines: DeadlinesScreen,
  meetings: MeetingsScreen,
  negotiation: NegotiationScreen,
  precedents: PrecedentsScreen,
  watch: WatchScreen,
  drafts: DraftsScreen,
  timeline: TimelineScreen,
  conflicts: ConflictsScreen,
  people: PeopleScreen,
  attachments: AttachmentsScreen,
  deleted: RecentlyDeletedScreen,
};
