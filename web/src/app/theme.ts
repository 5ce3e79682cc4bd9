/**
 * Ant Design colour tokens strong enough on white for WCAG AA (axe's contrast rule), shared by the
 * staff console and the residents' phone pages. Constants only: the phone bundle imports this
 * module without pulling any of the console in.
 */
export const ACCESSIBLE_COLOURS = {
  colorPrimary: '#1d4ed8',
  colorPrimaryHover: '#1e40af',
  colorPrimaryActive: '#1e3a8a',
  colorLink: '#1d4ed8',
  colorInfo: '#1d4ed8',
  colorError: '#c41d1d',
  colorWarning: '#ad6800',
  colorSuccess: '#237804',
  colorTextDescription: 'rgba(0,0,0,0.65)',
  colorTextTertiary: 'rgba(0,0,0,0.6)',
  colorTextPlaceholder: 'rgba(0,0,0,0.55)',
  colorTextQuaternary: 'rgba(0,0,0,0.55)',
  colorTextDisabled: 'rgba(0,0,0,0.55)',
} as const;
