/** A visible, announced error with the URL it concerns. */
export function FailureBanner(props: { title: string; message: string; url?: string | undefined }) {
  return (
    <div class="failure" role="alert" data-testid="failure">
      <strong>{props.title}</strong>
      <p>{props.message}</p>
      {props.url !== undefined && (
        <p>
          URL: <code data-testid="failure-url">{props.url}</code>
        </p>
      )}
    </div>
  );
}
