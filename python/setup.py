"""Only the wheel's tag and layout live here (everything else is in pyproject.toml).

The package is pure Python but bundles libfastattractors.so, so the wheel must not claim py3-none-any: it is tagged
py3-none-<platform> (ctypes needs no CPython ABI, but the shared library is built for this OS and CPU), and its
files install as platform files (platlib), as a package with a compiled extension would.
"""
from setuptools import Distribution, setup
from wheel.bdist_wheel import bdist_wheel


class BinaryDistribution(Distribution):
    def has_ext_modules(self):
        return True


class PlatformWheel(bdist_wheel):
    def get_tag(self):
        return "py3", "none", super().get_tag()[2]


setup(distclass=BinaryDistribution, cmdclass={"bdist_wheel": PlatformWheel})
