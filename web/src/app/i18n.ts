import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zh from './locales/zh-CN';
import en from './locales/en';

export const LANGUAGES = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
  lng: localStorage.getItem('onedoor.lang') ?? 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

/** Whether this browser holds a language chosen in it (else the person's saved one may apply). */
export const hasLanguageChoice = (): boolean => localStorage.getItem('onedoor.lang') !== null;

export function setLanguage(lng: string): void {
  localStorage.setItem('onedoor.lang', lng);
  document.documentElement.lang = lng;
  void i18n.changeLanguage(lng);
}
document.documentElement.lang = i18n.language;

export default i18n;
