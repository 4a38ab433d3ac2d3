"""Write the generated pages of the site; run by the mkdocs-gen-files plugin on every build."""

import sys
from pathlib import Path

import mkdocs_gen_files

sys.path.insert(0, str(Path(__file__).parent))
from site_pages import edit_path, pages

for path, render in pages(mkdocs_gen_files.config["site_url"] or ""):
    with mkdocs_gen_files.open(path, "w") as page:
        page.write(render())
    if path.endswith(".md"):
        mkdocs_gen_files.set_edit_path(path, edit_path(path))
