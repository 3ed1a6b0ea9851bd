import { Fragment } from 'react';

/** The key with line breaks allowed only between its dash-separated groups. */
export function KeyText({ value }: { value: string }) {
  const groups = value.split('-');
  return (
    <>
      {groups.map((g, i) => (
        <Fragment key={i}>
          {g}
          {i < groups.length - 1 && (
            <>
              -<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}
