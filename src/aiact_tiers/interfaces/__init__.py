"""Interfaces: where users reach the library.

The command line (:mod:`.cli`), inventories read row by row (:mod:`.inventory`), their output
records (:mod:`.records`) and their classification in one or several processes
(:mod:`.batch`, :mod:`.parallel`), spreadsheets (:mod:`.excel`), DataFrames (:mod:`.frames`),
the HTTP API (:mod:`.http_api`) and the MCP tool server (:mod:`.mcp_server`). Each is a thin
layer over :func:`aiact_tiers.classify` with the same options (:mod:`.options`).
"""
