// GraphiQL's start, in a file of its own so that the page's Content-Security-Policy needs no
// inline script. The page holds the query and variables GraphiQL opens with (data-query,
// data-variables); ?q=, ?variables= and ?headers= in the address take their place, and edits
// are written back to the address, so a link shares what is open.
"use strict";

(() => {
  const container = document.getElementById("graphiql");
  const parameters = Object.fromEntries(new URLSearchParams(window.location.search));

  function updateURL(changes) {
    Object.assign(parameters, changes);
    const kept = Object.entries(parameters).filter(([, value]) => Boolean(value));
    window.history.replaceState(null, "", "?" + new URLSearchParams(kept));
  }

  // The endpoint is this page's own address: GraphiQL is served by GET /graphql.
  const fetcher = GraphiQL.createFetcher({ url: window.location.origin + window.location.pathname });
  const explorer = GraphiQLPluginExplorer.explorerPlugin();

  function GraphiQLWithExplorer() {
    const [query, setQuery] = React.useState(parameters.q || container.dataset.query);
    const [variables, setVariables] = React.useState(
      parameters.variables || container.dataset.variables,
    );
    const [headers, setHeaders] = React.useState(parameters.headers);

    return React.createElement(GraphiQL, {
      fetcher,
      defaultEditorToolsVisibility: true,
      plugins: [explorer],
      query,
      variables,
      headers,
      onEditQuery: (edited) => {
        setQuery(edited);
        updateURL({ q: edited });
      },
      onEditVariables: (edited) => {
        setVariables(edited);
        updateURL({ variables: edited });
      },
      onEditHeaders: setHeaders,
      inputValueDeprecation: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: true,
    });
  }

  ReactDOM.createRoot(container).render(React.createElement(GraphiQLWithExplorer));
})();
