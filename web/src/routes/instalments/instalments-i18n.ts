import i18n from '../../app/i18n';

i18n.addResourceBundle(
  'zh-CN',
  'translation',
  {
    instalments: {
      title: '分期履行',
      seq: '期数',
      dueOn: '到期日',
      amount: '应付',
      paid: '已付',
      outstanding: '尚欠',
      status: '状态',
      late: '逾期',
      pay: '登记到账',
      payAmount: '到账金额（元）',
      recorded: '已登记到账',
      statuses: { DUE: '待履行', PARTLY_PAID: '部分履行', PAID: '已履行' },
    },
  },
  true,
  false,
);
i18n.addResourceBundle(
  'en',
  'translation',
  {
    instalments: {
      title: 'Instalments',
      seq: 'No.',
      dueOn: 'Due',
      amount: 'Amount',
      paid: 'Paid',
      outstanding: 'Outstanding',
      status: 'Status',
      late: 'Late',
      pay: 'Record payment',
      payAmount: 'Amount received (yuan)',
      recorded: 'Payment recorded',
      statuses: { DUE: 'Due', PARTLY_PAID: 'Partly paid', PAID: 'Paid' },
    },
  },
  true,
  false,
);
