"""The one exception kb raises for problems the user can fix, and the words for the system's errors."""

import errno


class KbError(Exception):
    """A problem with the user's input or files, told in one line.

    The message says what went wrong, where, and what to do; the CLI prints it
    as ``kb: <message>`` and exits with ``exit_code`` (2 unless said otherwise).
    """

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


#: The system errors a user meets, in Chinese: Python's ``strerror`` is the C library's English
#: (``No such file or directory``) whatever the locale, and every line kb prints is Chinese.
REASONS = {
    errno.ENOENT: "不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENOSPC: "磁盘已满",
    errno.EDQUOT: "超出磁盘配额",
    errno.EROFS: "文件系统是只读的",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EIO: "输入/输出错误（磁盘或网络盘出错）",
    errno.ELOOP: "符号链接循环",
    errno.EMFILE: "打开的文件太多",
    errno.ENFILE: "打开的文件太多",
    errno.EBUSY: "正被占用",
    errno.EEXIST: "已存在",
    errno.EBADF: "已关闭",
    errno.EFBIG: "文件太大",
    errno.ETXTBSY: "正被占用",
    errno.ENXIO: "设备不存在",
    errno.ENODEV: "设备不存在",
}


def reason(exc: BaseException) -> str:
    """What went wrong in an OSError, in Chinese when it is one users meet, else the system's own words."""
    code = getattr(exc, "errno", None)
    return REASONS.get(code) or getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
