"""Put Mermaid's browser bundle beside the site's assets, so diagrams render with no CDN.

Mermaid is taken from the npm registry with ``npm pack`` (the package's own tarball, no
dependencies) at the pinned version; the file is not kept in the repository. Without it the
theme loads Mermaid from a public CDN instead.
"""

import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "11.17.2"
TARGET = Path(__file__).parent / "assets" / "mermaid.min.js"


def main() -> None:
    if TARGET.exists():
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"mermaid@{VERSION}", "--silent", "--pack-destination", tmp],
                       check=True, stdout=subprocess.DEVNULL)
        with tarfile.open(next(Path(tmp).glob("mermaid-*.tgz"))) as archive:
            member = archive.extractfile("package/dist/mermaid.min.js")
            assert member is not None
            partial = TARGET.with_suffix(".part")
            partial.write_bytes(member.read())
            partial.replace(TARGET)
    print(f"Mermaid {VERSION} written to {TARGET}", file=sys.stderr)


if __name__ == "__main__":
    main()
