.class public Lcom/example/ApktoolStyle;
.super Ljava/lang/Object;
.source "ApktoolStyle.java"


# apktool runs baksmali with .locals instead of .registers: both paths must still agree.
# direct methods
.method public constructor <init>()V
    .locals 0

    return-void
.end method

.method public static wide(JI[DLjava/lang/String;D)V
    .locals 3

    return-void
.end method


# virtual methods
.method public instance(Ljava/lang/Object;J)Z
    .locals 1

    const/4 v0, 0x0

    return v0
.end method
