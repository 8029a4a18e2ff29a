import type { CallInput, CallOutput } from '../../../api';

/** Every setting, as main holds it (the contract's `Settings`, seen through the calls that carry it). */
export type Settings = CallOutput<'settings.get'>;
export type SettingsPatch = CallInput<'settings.update'>;
export type SettingKey = keyof Settings;
export type Theme = Settings['theme'];
export type TranscodeQuality = Settings['transcodeQuality'];
export type LibraryStatus = CallOutput<'library.status'>;
export type UnparseableEntry = CallOutput<'library.unparseable'>['files'][number];
