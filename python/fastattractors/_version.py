# The project's version (Directory.Build.props <Version>); build_wheel.sh and tests/test_package.py check they agree.
__version__ = "0.1.0"
