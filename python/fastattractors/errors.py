"""The exception the library's failures raise."""

# fa_status values of native/fastattractors.h.
STATUS_NAMES = {0: "FA_OK", 1: "FA_ERR_INVALID_ARGUMENT", 2: "FA_ERR_INVALID_CONTEXT", 3: "FA_ERR_BUSY",
                4: "FA_ERR_BACKEND_UNAVAILABLE", 5: "FA_ERR_OUT_OF_MEMORY", 6: "FA_ERR_RUNTIME", 7: "FA_ERR_INTERNAL"}


class FastAttractorsError(Exception):
    """A call the library refused or failed.

    Attributes
    ----------
    code : int
        The fa_status value (1 invalid argument, 2 invalid context, 3 busy, 4 backend unavailable, 5 out of memory,
        6 runtime, 7 internal).
    status : str
        Its name, e.g. ``"FA_ERR_INVALID_ARGUMENT"``.
    message : str
        The library's message (``fa_last_error()``), which names the argument at fault.
    """

    def __init__(self, code, message):
        self.code = code
        self.status = STATUS_NAMES.get(code, str(code))
        self.message = message
        super().__init__(f"{self.status}: {message}")
