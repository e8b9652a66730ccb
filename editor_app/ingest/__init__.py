"""Everything an import does before it writes: read, check, decode and analyse the files.

Source files are found and read (sources), their bytes decoded (decoding, text_check),
their names parsed for a date and page (filenames), and each analysed on its own, safe in
a worker process (analysis). A JSONL export is read and validated whole (jsonl_read,
jsonl_schema). Nothing here opens a project: storage writes what ingest produced.
"""
