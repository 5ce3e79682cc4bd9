import i18n from '../../app/i18n';

// The menu's entries for the board and the configuration screens (their pages load on demand).
i18n.addResourceBundle('zh-CN', 'translation', { nav: { board: '指挥大屏', config: '配置' } }, true, false);
i18n.addResourceBundle('en', 'translation', { nav: { board: 'Command hall', config: 'Settings' } }, true, false);
