"""Only the wheel's tag lives here (everything else is in pyproject.toml).

The package is pure Python but bundles libfastattractors.so, so the wheel must not claim py3-none-any: it is tagged
py3-none-<platform> (ctypes needs no CPython ABI, but the shared library is built for this OS and CPU).
"""
from setuptools import setup
from wheel.bdist_wheel import bdist_wheel


class PlatformWheel(bdist_wheel):
    def finalize_options(self):
        super().finalize_options()
        self.root_is_pure = False

    def get_tag(self):
        return "py3", "none", super().get_tag()[2]


setup(cmdclass={"bdist_wheel": PlatformWheel})
