import { ActionButton, SearchField } from "@adobe/react-spectrum";
import { useState } from "react";
import { usePanel } from "../use-panel";

export function TextSearchBox() {
  const { search, onSearch } = usePanel((s) => ({ search: s.search, onSearch: s.searchByText }));
  const [query, setQuery] = useState("");
  return (
    <section className="search" aria-label="Search references">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onSearch(query);
        }}
      >
        {/* Enter submits the form (once): SearchField's own onSubmit stays unused */}
        <SearchField
          label="Search references by text"
          value={query}
          onChange={setQuery}
          description="e.g. “kitchen oven close-up”"
          width="100%"
        />
        <ActionButton type="submit" isDisabled={search.state === "searching"}>
          Search
        </ActionButton>
      </form>
      {search.state === "error" && <p className="catalog-error">{search.error?.detail}</p>}
      {search.state === "done" && search.results.length === 0 && <p className="muted">No references match.</p>}
      {search.results.length > 0 && (
        <ol data-testid="search-results">
          {search.results.map((r) => (
            <li key={r.referenceId}>
              <span className="clip-name">
                {r.metadata.location} · {r.metadata.subject} · {r.metadata.shotType}
              </span>
              <span className="muted clip-path" title={r.filePath}>
                {r.filePath?.split(/[\\/]/).pop()}
              </span>
              <span className="muted">
                {Math.round(r.similarity * 100)} % similar
                {r.shot ? ` · shot #${r.shot.shotNumber} ${r.shot.subject ?? ""}` : ""}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
