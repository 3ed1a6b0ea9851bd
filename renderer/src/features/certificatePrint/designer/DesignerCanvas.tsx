import Box from '@mui/material/Box';
import { useLayoutEffect, useRef, useState, type Dispatch, type KeyboardEvent, type PointerEvent } from 'react';
import { fieldLabel, fieldText, type CertificateFacts } from '../../../../../shared/domain/certificates/fields';
import type { CertificateTemplate, TemplateTextField } from '../../../../../shared/domain/certificates/template';
import { PHOTO, nudgeOf, selectedBox, tenth, type DesignerAction, type Selection } from './designerState';
import { FONT_STACK, lineHeightMm, mmText, ptToPx, pxPerMm } from './geometry';
import { RULER_PX, Ruler } from './Rulers';

interface Props {
  template: CertificateTemplate;
  selected: Selection;
  zoom: number;
  facts: CertificateFacts | null;
  backgroundUrl: string | null;
  showBackground: boolean;
  photoUrl: string | null;
  /** The server's (or the designer's own) refusal for a field id or 'photo'. */
  problems: ReadonlyMap<string, string>;
  dispatch: Dispatch<DesignerAction>;
}

interface Drag {
  id: Selection;
  startX: number;
  startY: number;
  fromXMm: number;
  fromYMm: number;
  xMm: number;
  yMm: number;
}

/** The text a field shows: the student's own (fieldText, as printed), or its name in brackets. */
function shownText(field: TemplateTextField, facts: CertificateFacts | null): { text: string; placeholder: boolean } {
  if (facts) {
    const t = fieldText(field, facts);
    if (t.ok) return { text: t.text, placeholder: false };
  } else if (field.key === 'text' && field.text) {
    return { text: field.text, placeholder: false };
  }
  return { text: `〔${fieldLabel(field)}〕`, placeholder: true };
}

/**
 * The page drawn to scale with mm rulers, the scanned blank behind it (screen only), each field a box
 * showing the student's text in its font and size, the photo box. Click selects, dragging moves (no
 * snapping: to the 0.1 mm), the arrow keys nudge 0.1 mm (1 mm with Shift). Every box carries its
 * position in mm (data-x-mm / data-y-mm) and is placed in px at mm × 96/25.4 × zoom.
 */
export function DesignerCanvas({ template, selected, zoom, facts, backgroundUrl, showBackground, photoUrl, problems, dispatch }: Props) {
  const ppm = pxPerMm(zoom);
  const W = template.page.widthMm * ppm;
  const H = template.page.heightMm * ppm;
  const [drag, setDrag] = useState<Drag | null>(null);

  const at = (id: Selection, x: number, y: number) => (drag && drag.id === id ? { xMm: drag.xMm, yMm: drag.yMm } : { xMm: x, yMm: y });

  const startDrag = (id: Selection, x: number, y: number) => (e: PointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    dispatch({ type: 'select', selected: id });
    (e.currentTarget as HTMLElement).focus();
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ id, startX: e.clientX, startY: e.clientY, fromXMm: x, fromYMm: y, xMm: x, yMm: y });
  };
  const moveDrag = (e: PointerEvent<HTMLElement>) => {
    if (!drag) return;
    const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
    setDrag({
      ...drag,
      xMm: tenth(clamp(drag.fromXMm + (e.clientX - drag.startX) / ppm, template.page.widthMm)),
      yMm: tenth(clamp(drag.fromYMm + (e.clientY - drag.startY) / ppm, template.page.heightMm)),
    });
  };
  const endDrag = () => {
    if (!drag) return;
    if (drag.xMm !== drag.fromXMm || drag.yMm !== drag.fromYMm) dispatch({ type: 'moveTo', id: drag.id, xMm: drag.xMm, yMm: drag.yMm });
    setDrag(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const d = nudgeOf(e.key, e.shiftKey);
    if (d && selected) {
      e.preventDefault();
      dispatch({ type: 'nudge', ...d });
    } else if (e.key === 'Escape') {
      dispatch({ type: 'select', selected: null });
    }
  };

  // The selection's span, shaded on the rulers.
  const sel = selectedBox(template, selected);
  const selField = template.fields.find((f) => f.id === selected);
  const selW = selected === PHOTO ? template.photo?.widthMm ?? 0 : selField?.widthMm ?? 0;
  const selH = selected === PHOTO ? template.photo?.heightMm ?? 0 : selField ? lineHeightMm(selField.sizePt) : 0;
  const selAt = sel ? at(selected, sel.xMm, sel.yMm) : null;

  return (
    <Box
      sx={{ overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#e9e9e6', maxHeight: '70vh', position: 'relative' }}
      onKeyDown={onKeyDown}
    >
      <Box sx={{ display: 'grid', gridTemplateColumns: `${RULER_PX}px ${W + 24}px`, gridTemplateRows: `${RULER_PX}px ${H + 24}px`, width: 'max-content' }}>
        <Box sx={{ position: 'sticky', top: 0, left: 0, zIndex: 3, bgcolor: '#f7f7f4', borderRight: '1px solid #999', borderBottom: '1px solid #999', fontSize: 9, color: '#555', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          毫米
        </Box>
        <Box sx={{ position: 'sticky', top: 0, zIndex: 2 }}>
          <Ruler orientation="top" lengthMm={template.page.widthMm} zoom={zoom} mark={selAt ? { fromMm: selAt.xMm, toMm: selAt.xMm + selW } : null} />
        </Box>
        <Box sx={{ position: 'sticky', left: 0, zIndex: 2 }}>
          <Ruler orientation="left" lengthMm={template.page.heightMm} zoom={zoom} mark={selAt ? { fromMm: selAt.yMm, toMm: selAt.yMm + selH } : null} />
        </Box>
        <Box
          aria-label="证书版面"
          data-zoom={zoom}
          data-px-per-mm={ppm}
          onPointerDown={(e) => {
            if (e.target === e.currentTarget) dispatch({ type: 'select', selected: null });
          }}
          sx={{ position: 'relative', width: W, height: H, bgcolor: '#fff', boxShadow: '0 1px 4px rgba(0,0,0,0.25)', userSelect: 'none' }}
        >
          {backgroundUrl && showBackground && (
            <Box component="img" src={backgroundUrl} alt="空白证书底图（只在屏幕上显示，不打印）" draggable={false} sx={{ position: 'absolute', inset: 0, width: '100%', height: '100%', objectFit: 'fill', opacity: 0.6, pointerEvents: 'none' }} />
          )}
          {template.photo &&
            (() => {
              const p = at(PHOTO, template.photo.xMm, template.photo.yMm);
              const isSel = selected === PHOTO;
              const problem = problems.get(PHOTO);
              return (
                <Box
                  role="button"
                  tabIndex={0}
                  aria-label="照片框"
                  aria-pressed={isSel}
                  data-x-mm={mmText(p.xMm)}
                  data-y-mm={mmText(p.yMm)}
                  title={problem}
                  onPointerDown={startDrag(PHOTO, template.photo.xMm, template.photo.yMm)}
                  onPointerMove={moveDrag}
                  onPointerUp={endDrag}
                  sx={{
                    position: 'absolute', left: p.xMm * ppm, top: p.yMm * ppm, width: template.photo.widthMm * ppm, height: template.photo.heightMm * ppm,
                    outline: problem ? '2px solid #d32f2f' : isSel ? '2px solid #1976d2' : '1px dashed #1976d2', bgcolor: 'rgba(25,118,210,0.06)', cursor: 'move',
                    display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#1976d2', fontSize: 12, overflow: 'visible', touchAction: 'none',
                  }}
                >
                  {photoUrl ? <Box component="img" src={photoUrl} alt="学生照片" draggable={false} sx={{ width: '100%', height: '100%', objectFit: 'cover', pointerEvents: 'none' }} /> : '照片'}
                  <FieldTag text="照片" selected={isSel} problem={Boolean(problem)} />
                </Box>
              );
            })()}
          {template.fields.map((f) => {
            const p = at(f.id, f.xMm, f.yMm);
            return (
              <FieldBox
                key={f.id}
                field={f}
                xMm={p.xMm}
                yMm={p.yMm}
                zoom={zoom}
                facts={facts}
                selected={selected === f.id}
                problem={problems.get(f.id)}
                onPointerDown={startDrag(f.id, f.xMm, f.yMm)}
                onPointerMove={moveDrag}
                onPointerUp={endDrag}
              />
            );
          })}
        </Box>
      </Box>
    </Box>
  );
}

function FieldTag({ text, selected, problem }: { text: string; selected: boolean; problem: boolean }) {
  return (
    <Box
      component="span"
      aria-hidden
      sx={{
        position: 'absolute', left: -1, bottom: '100%', mb: '1px', px: 0.5, fontSize: 11, lineHeight: '15px', whiteSpace: 'nowrap', borderRadius: '3px 3px 0 0',
        fontFamily: 'system-ui, sans-serif', letterSpacing: 0, pointerEvents: 'none',
        bgcolor: problem ? '#d32f2f' : selected ? '#1976d2' : 'rgba(25,118,210,0.75)', color: '#fff', opacity: selected || problem ? 1 : 0.85,
      }}
    >
      {text}
    </Box>
  );
}

interface FieldBoxProps {
  field: TemplateTextField;
  xMm: number;
  yMm: number;
  zoom: number;
  facts: CertificateFacts | null;
  selected: boolean;
  problem: string | undefined;
  onPointerDown: (e: PointerEvent<HTMLElement>) => void;
  onPointerMove: (e: PointerEvent<HTMLElement>) => void;
  onPointerUp: () => void;
}

function FieldBox({ field, xMm, yMm, zoom, facts, selected, problem, ...handlers }: FieldBoxProps) {
  const ppm = pxPerMm(zoom);
  const { text, placeholder } = shownText(field, facts);
  const inner = useRef<HTMLSpanElement>(null);
  const [tooWide, setTooWide] = useState(false);
  // Text wider than its box is refused when printing: shown here in red as the clerk places it.
  useLayoutEffect(() => {
    const el = inner.current;
    setTooWide(Boolean(el && !placeholder && el.scrollWidth > field.widthMm * ppm + 1));
  });
  const bad = Boolean(problem) || tooWide;
  const label = field.key === 'text' ? '固定文字' : fieldLabel(field);
  return (
    <Box
      role="button"
      tabIndex={0}
      aria-label={`字段 ${label}`}
      aria-pressed={selected}
      data-field-id={field.id}
      data-x-mm={mmText(xMm)}
      data-y-mm={mmText(yMm)}
      title={problem ?? (tooWide ? '文字超出框宽，打印时会被拒绝：请加宽此框或减小字号' : undefined)}
      {...handlers}
      sx={{
        position: 'absolute', left: xMm * ppm, top: yMm * ppm, width: field.widthMm * ppm, height: lineHeightMm(field.sizePt) * ppm,
        outline: bad ? '2px solid #d32f2f' : selected ? '2px solid #1976d2' : '1px dashed rgba(25,118,210,0.7)',
        bgcolor: selected ? 'rgba(25,118,210,0.10)' : 'rgba(25,118,210,0.03)', cursor: 'move', touchAction: 'none',
        '&:focus-visible': { outline: '2px solid #1976d2' },
      }}
    >
      <Box
        component="span"
        ref={inner}
        sx={{
          // A field's own name (no student chosen) is clipped to its box; a student's text is not, so too wide shows.
          display: 'block', width: '100%', whiteSpace: 'nowrap', overflow: placeholder ? 'hidden' : 'visible', textAlign: field.align, color: placeholder ? 'rgba(0,0,0,0.38)' : '#111',
          fontFamily: FONT_STACK[field.font], fontSize: ptToPx(field.sizePt, zoom), letterSpacing: `${ptToPx(field.letterSpacingPt, zoom)}px`, lineHeight: 1.25,
        }}
      >
        {text}
      </Box>
      <FieldTag text={label} selected={selected} problem={bad} />
    </Box>
  );
}
