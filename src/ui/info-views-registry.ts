/** Registers the info view of every layer kind that has its own (one line per kind). */
import { registerInfoView } from './info-views';
import { ZoningInfo } from './zoning/ZoningInfo';

registerInfoView('zoning', ZoningInfo);
