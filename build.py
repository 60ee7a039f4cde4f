#!/usr/bin/env python3
"""Build the site from content/: ``python build.py check|build|serve`` (see sitebuild/cli.py).

The same command is installed as ``lu-site`` by ``pip install -e .`` (make does it).
"""

import sys

from sitebuild.cli import run

if __name__ == "__main__":
    sys.exit(run())
