"""The API's routes, one module per resource; each `routes(service)` returns its router."""
