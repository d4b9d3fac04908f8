.class interface abstract Lcom/ü/Ω$Ä;
.super Ljava/lang/Object;
.source "Ω.kt"


# static fields
.field public static final 名前:Ljava/lang/String; = "\u65e5\u672c\u8a9e \\ \u0001"


# virtual methods
.method public abstract é([Lcom/ü/Ω$Ä;)V
.end method
